"""High-precision Black-Scholes-Merton references for test/options/blackScholes.test.ts.

Run: python3 test/reference/black_scholes_reference.py > test/reference/black-scholes-mpmath.json
Computed with mpmath at 60 significant digits (N(x) = erfc(-x/sqrt 2)/2, exact to all digits shown),
independent of optex's float64 code. Cases cover at-the-money, deep in and out of the money (a call
worth ~1e-20 and less), long and short terms, high and low volatility, and dividend yields.
"""
import json
import math
import random

from mpmath import mp, mpf, erfc, exp, log, sqrt

mp.dps = 60


def ncdf(x):
    return erfc(-x / sqrt(2)) / 2


def bs(S, K, T, sigma, r, q, kind):
    S, K, T, sigma, r, q = (mpf(repr(v)) for v in (S, K, T, sigma, r, q))
    sd = sigma * sqrt(T)
    d1 = (log(S / K) + (r - q) * T) / sd + sd / 2
    d2 = d1 - sd
    if kind == "call":
        return S * exp(-q * T) * ncdf(d1) - K * exp(-r * T) * ncdf(d2)
    return K * exp(-r * T) * ncdf(-d2) - S * exp(-q * T) * ncdf(-d1)


CASES = [
    # spot, strike, term, vol, rate, yield
    (42, 40, 0.5, 0.2, 0.1, 0),
    (60, 65, 0.25, 0.3, 0.08, 0),
    (100, 95, 0.5, 0.2, 0.1, 0.05),
    (100, 100, 1, 0.2, 0.05, 0),
    (100, 100, 10, 0.35, 0.05, 0.025),
    (1.27, 2.0, 9.5, 0.9, 0.03, 0),
    (1.27, 40.0, 7.0, 0.85, 0.03, 0),
    (1.27, 2.0, 0.01, 0.9, 0.03, 0),
    (100, 250, 1, 0.2, 0.05, 0),
    (100, 300, 1, 0.2, 0.05, 0),
    (100, 320, 1, 0.2, 0.05, 0),
    (100, 400, 1, 0.2, 0.05, 0),
    (100, 150, 0.25, 0.1, 0.02, 0),
    (100, 158, 0.25, 0.1, 0.02, 0),  # a call worth about 1e-20
    (100, 130, 0.5, 0.05, 0.01, 0),
    (300, 100, 1, 0.2, 0.05, 0),
    (100, 100, 1e-6, 0.2, 0.05, 0),
    (100, 100, 1, 0.001, 0.05, 0.01),
    (100, 100, 30, 1.5, 0.05, 0.0),
    (50, 50, 10, 0.35, -0.005, 0.01),
    (0.01, 1000, 5, 0.5, 0.03, 0.0),
    (1000, 0.01, 5, 0.5, 0.03, 0.0),
    (100, 80, 2, 0.25, 0.04, 0.06),
]


def random_cases(count, seed=2026):
    """Seeded random markets over the whole domain a ledger can hold: both tails, the middle, and the
    boundaries between the kernel's regions (|d|/sqrt 2 = 0.46875 and 4) all get hit."""
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        spot = round(math.exp(rng.uniform(math.log(0.01), math.log(1000))), 4)
        strike = round(spot * math.exp(rng.uniform(-2.5, 2.5)), 4) or 0.0001
        term = rng.choice([rng.uniform(0.0001, 0.1), rng.uniform(0.1, 10), rng.uniform(10, 30)])
        vol = rng.choice([rng.uniform(0.01, 0.2), rng.uniform(0.2, 1.2), rng.uniform(1.2, 3)])
        rate = rng.uniform(-0.01, 0.1)
        q = rng.choice([0.0, rng.uniform(0, 0.08)])
        cases.append((spot, strike, round(term, 6), round(vol, 4), round(rate, 4), round(q, 4)))
    return cases


CASES += random_cases(200)

rows = []
for spot, strike, term, vol, rate, q in CASES:
    for kind in ("call", "put"):
        value = bs(spot, strike, term, vol, rate, q, kind)
        rows.append({"spot": spot, "strike": strike, "termYears": term, "volatility": vol,
                     "riskFreeRate": rate, "dividendYield": q, "optionType": kind,
                     "value": mp.nstr(value, 25)})
print(json.dumps({"source": "mpmath " + mp.__version__ if hasattr(mp, "__version__") else "mpmath", "digits": 60, "cases": rows}, indent=1))
