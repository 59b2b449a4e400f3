"""erf near 0 and erfcx(x) = exp(x^2) erfc(x) at 40 digits, for test/options/erfcx.test.ts.

Run: python3 test/reference/erf_reference.py > test/reference/erf-mpmath.json
Independent of optex's float64 code: mpmath evaluates erf and erfc to the working precision.
"""
import json
from mpmath import mp, mpf, erf, erfc, exp, pi, sqrt

mp.dps = 40

ERF_POINTS = [-0.46875, -0.3, -0.1, -1e-5, 1e-300, 1e-17, 1e-8, 0.01, 0.0625, 0.125, 0.25, 0.333, 0.4, 0.46875]
ERFCX_POINTS = [0.46875 + 2**-40, 0.5, 0.6, 0.75, 0.84375, 1, 1.25, 1.5, 2, 2.5, 2.857142857142857, 3, 3.5,
                3.999, 4, 4.001, 4.5, 5, 6, 8, 10, 15, 20, 26.5, 27.3, 30, 50, 100, 1e3, 1e5, 6.7e7, 1e8, 1e15, 1e300]



def erfcx(x):
    x = mpf(x)
    if x < 1e10:
        return exp(x ** 2) * erfc(x)
    # mpmath's erfc cannot take 1e300; there the asymptotic series 1/(x sqrt pi) (1 - 1/(2x^2) + 3/(4x^4))
    # is exact to far more than 40 digits.
    return (1 - 1 / (2 * x ** 2) + 3 / (4 * x ** 4)) / (x * sqrt(pi))


print(json.dumps({
    "source": "mpmath",
    "digits": 40,
    "erf": [[x, mp.nstr(erf(mpf(x)), 25)] for x in ERF_POINTS],
    "erfcx": [[x, mp.nstr(erfcx(x), 25)] for x in ERFCX_POINTS],
}, indent=1))
