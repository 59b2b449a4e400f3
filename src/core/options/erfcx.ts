/**
 * erf near 0 and the scaled complementary error function erfcx(x) = e^{x^2} erfc(x), from
 * W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev approximations for the error
 * function", Math. Comp. 23 (1969) 631-638; the coefficients of his CALERF routine in netlib's
 * SPECFUN, which approximate to at least 18 significant digits).
 *
 * erfcx has no exponential in it. That is what the Black-Scholes kernel needs: N(-d) =
 * e^{-d^2/2} erfcx(d/sqrt 2) / 2, and the two exponentials of d1 and d2 are tied together
 * (S e^{-qT} e^{-d1^2/2} = K e^{-rT} e^{-d2^2/2}), so one Math.exp serves both terms.
 */

/** Below this |x|, erf's rational form (Cody's first interval) is used; above it, erfcx's. */
export const ERF_SMALL_LIMIT = 0.46875;

/** 1 / sqrt(pi) */
const SQRPI = 0.56418958354775628695;

/**
 * erf(x) for |x| <= 0.46875 (Cody's first interval; accurate to about 1 ulp there).
 * @example erfSmall(0.25) ≈ 0.2763263901682369
 */
export function erfSmall(x: number): number {
  const z = x * x;
  const num = ((((0.185777706184603153 * z + 3.16112374387056560) * z + 113.864154151050156) * z + 377.485237685302021) * z + 3209.37758913846947);
  const den = ((((z + 23.6012909523441209) * z + 244.024637934444173) * z + 1282.61652607737228) * z + 2844.23683343917062);
  return (x * num) / den;
}

/**
 * erfcx(y) = e^{y^2} erfc(y) for y > 0.46875 (Cody's second and third intervals). No exponential:
 * about 1/(y sqrt pi) for large y, and 0 at infinity.
 * @example erfcxPositive(1) ≈ 0.4275835761558070
 */
export function erfcxPositive(y: number): number {
  if (y <= 4) {
    const num = ((((((((2.15311535474403846e-8 * y + 0.564188496988670089) * y + 8.88314979438837594) * y + 66.1191906371416295) * y + 298.635138197400131) * y + 881.952221241769090) * y + 1712.04761263407058) * y + 2051.07837782607147) * y + 1230.33935479799725);
    const den = (((((((y + 15.7449261107098347) * y + 117.693950891312499) * y + 537.181101862009858) * y + 1621.38957456669019) * y + 3290.79923573345963) * y + 4362.61909014324716) * y + 3439.36767414372164) * y + 1230.33935480374942;
    return num / den;
  }
  // 1/(y^2) underflows to 0 for huge y, leaving 1/(y sqrt pi); y = Infinity gives 0.
  const z = 1 / (y * y);
  const num = (((((0.0163153871373020978 * z + 0.305326634961232344) * z + 0.360344899949804439) * z + 0.125781726111229246) * z + 0.0160837851487422766) * z + 6.58749161529837803e-4);
  const den = ((((z + 2.56852019228982242) * z + 1.87295284992346047) * z + 0.527905102951428412) * z + 0.0605183413124413191) * z + 0.00233520497626869185;
  return (SQRPI - (z * num) / den) / y;
}
