#!/usr/bin/env python3
"""Converged American option values from a binomial lattice, the outside reference of AmericanAndersenLakeTest.

Writes functions/src/test/resources/reference/american_lattice.csv (run from the repository root):

    python3 scripts/american_reference.py            # ~15 minutes on one core
    python3 scripts/american_reference.py --small-vols   # american_lattice_small_vols.csv, 30 rows at vols 0.02-2 %

The lattice is the Leisen-Reimer tree (Peizer-Pratt method-2 inversion, odd step counts, centred on the strike),
written here in numpy independently of the Java AmericanLattice: at every node the holder takes the better of
exercising and continuing. Its early-exercise error falls like a/N + b/N^2 plus an irregular part, so each value
(column `lattice`) is the fit V + a/N + b/N^2 through the trees of N = 8001, 16001 and 32001 steps (columns
`tree_8001` ...); the two-point Richardson extrapolations (N2*V(N2) - N1*V(N1)) / (N2 - N1) of the finer and of the
coarser pair give the convergence estimate `estimate` = the largest distance of either from the fit. At N = 10^4 the
irregular part is still ~1e-6 on long expiries (up to 1e-4 on a few three-year calls deep in the money), which the
plain two-point extrapolation leaves in; the three-point fit removes most of it, and the estimate says where it
cannot. The test holds the method to 1e-6 where the estimate is below 3e-7, and to 1e-6 + 2*estimate elsewhere.

Rows: Ju (1999) Exhibits 3 and 6 (the 47 inputs of QuantLib's test-suite/americanoption.cpp, juValues, with Ju's
published figure in `published`), then a grid drawn with a fixed seed from spots 80-125, strikes 90-110, expiries
1 day to 10 years, vols 5 % to 80 %, rates 0-10 % and yields 0-12 %, calls and puts.
"""
import csv
import math
import random
import sys

import numpy as np
from scipy.stats import norm


def peizer_pratt(z, n):
    x = z / (n + 1.0 / 3.0 + 0.1 / (n + 1.0))
    root = 0.5 * math.sqrt(-math.expm1(-x * x * (n + 1.0 / 6.0)))
    return 0.5 + root if z >= 0 else 0.5 - root


def tree(phi, s, k, t, v, r, q, n):
    """Leisen-Reimer American value with n (odd) steps; phi = +1 call, -1 put."""
    b = r - q
    dt = t / n
    sd = v * math.sqrt(t)
    d1 = (math.log(s / k) + b * t) / sd + 0.5 * sd
    d2 = d1 - sd
    p = peizer_pratt(d2, n)
    p_bar = peizer_pratt(d1, n)
    growth = math.exp(b * dt)
    up = growth * p_bar / p if 0 < p < 1 else 0.0
    down = (growth - p * up) / (1 - p) if 0 < p < 1 else 0.0
    if not (0 < p < 1 and down > 0 and up > down):
        step = v * math.sqrt(dt)
        up, down = math.exp(b * dt + step), math.exp(b * dt - step)
        p = (growth - down) / (up - down)
    disc = math.exp(-r * dt)
    pu, pd = disc * p, disc * (1 - p)
    j = np.arange(n + 1)
    log_up, log_down = math.log(up), math.log(down)
    log_spot = math.log(s) + j * log_up + (n - j) * log_down
    values = np.maximum(phi * (np.exp(log_spot) - k), 0.0)
    for i in range(n - 1, -1, -1):
        log_spot = log_spot[:i + 1] - log_down
        values = np.maximum(pu * values[1:i + 2] + pd * values[:i + 1], phi * (np.exp(log_spot) - k))
    return max(values[0], phi * (s - k))


STEPS = (8001, 16001, 32001)


def converged(phi, s, k, t, v, r, q):
    """(three-point fit, its estimate, the three tree values)."""
    values = [tree(phi, s, k, t, v, r, q, n) for n in STEPS]
    a = np.array([[1.0, 1.0 / n, 1.0 / n ** 2] for n in STEPS])
    fit = np.linalg.solve(a, np.array(values))[0]
    spread = 0.0
    for i in (0, 1):
        n1, n2 = STEPS[i], STEPS[i + 1]
        spread = max(spread, abs((n2 * values[i + 1] - n1 * values[i]) / (n2 - n1) - fit))
    return fit, spread, values


def european(phi, s, k, t, v, r, q):
    sd = v * math.sqrt(t)
    d1 = (math.log(s / k) + (r - q) * t) / sd + 0.5 * sd
    d2 = d1 - sd
    return phi * (s * math.exp(-q * t) * norm.cdf(phi * d1) - k * math.exp(-r * t) * norm.cdf(phi * d2))


# Ju (1999), as in QuantLib's juValues: type, strike, spot, q, r, t, vol, Ju's value
JU = [('P', 35, 40, 0.0, 0.0488, 0.0833, 0.2, 0.006), ('P', 35, 40, 0.0, 0.0488, 0.3333, 0.2, 0.201),
      ('P', 35, 40, 0.0, 0.0488, 0.5833, 0.2, 0.433), ('P', 40, 40, 0.0, 0.0488, 0.0833, 0.2, 0.851),
      ('P', 40, 40, 0.0, 0.0488, 0.3333, 0.2, 1.576), ('P', 40, 40, 0.0, 0.0488, 0.5833, 0.2, 1.984),
      ('P', 45, 40, 0.0, 0.0488, 0.0833, 0.2, 5.000), ('P', 45, 40, 0.0, 0.0488, 0.3333, 0.2, 5.084),
      ('P', 45, 40, 0.0, 0.0488, 0.5833, 0.2, 5.260), ('P', 35, 40, 0.0, 0.0488, 0.0833, 0.3, 0.078),
      ('P', 35, 40, 0.0, 0.0488, 0.3333, 0.3, 0.697), ('P', 35, 40, 0.0, 0.0488, 0.5833, 0.3, 1.218),
      ('P', 40, 40, 0.0, 0.0488, 0.0833, 0.3, 1.309), ('P', 40, 40, 0.0, 0.0488, 0.3333, 0.3, 2.477),
      ('P', 40, 40, 0.0, 0.0488, 0.5833, 0.3, 3.161), ('P', 45, 40, 0.0, 0.0488, 0.0833, 0.3, 5.059),
      ('P', 45, 40, 0.0, 0.0488, 0.3333, 0.3, 5.699), ('P', 45, 40, 0.0, 0.0488, 0.5833, 0.3, 6.231),
      ('P', 35, 40, 0.0, 0.0488, 0.0833, 0.4, 0.247), ('P', 35, 40, 0.0, 0.0488, 0.3333, 0.4, 1.344),
      ('P', 35, 40, 0.0, 0.0488, 0.5833, 0.4, 2.150), ('P', 40, 40, 0.0, 0.0488, 0.0833, 0.4, 1.767),
      ('P', 40, 40, 0.0, 0.0488, 0.3333, 0.4, 3.381), ('P', 40, 40, 0.0, 0.0488, 0.5833, 0.4, 4.342),
      ('P', 45, 40, 0.0, 0.0488, 0.0833, 0.4, 5.288), ('P', 45, 40, 0.0, 0.0488, 0.3333, 0.4, 6.501),
      ('P', 45, 40, 0.0, 0.0488, 0.5833, 0.4, 7.367),
      ('C', 100, 80, 0.07, 0.03, 3.0, 0.2, 2.605), ('C', 100, 90, 0.07, 0.03, 3.0, 0.2, 5.182),
      ('C', 100, 100, 0.07, 0.03, 3.0, 0.2, 9.065), ('C', 100, 110, 0.07, 0.03, 3.0, 0.2, 14.430),
      ('C', 100, 120, 0.07, 0.03, 3.0, 0.2, 21.398), ('C', 100, 80, 0.07, 0.03, 3.0, 0.4, 11.336),
      ('C', 100, 90, 0.07, 0.03, 3.0, 0.4, 15.711), ('C', 100, 100, 0.07, 0.03, 3.0, 0.4, 20.760),
      ('C', 100, 110, 0.07, 0.03, 3.0, 0.4, 26.440), ('C', 100, 120, 0.07, 0.03, 3.0, 0.4, 32.709),
      ('C', 100, 80, 0.07, 0.00001, 3.0, 0.3, 5.552), ('C', 100, 90, 0.07, 0.00001, 3.0, 0.3, 8.868),
      ('C', 100, 100, 0.07, 0.00001, 3.0, 0.3, 13.158), ('C', 100, 110, 0.07, 0.00001, 3.0, 0.3, 18.458),
      ('C', 100, 120, 0.07, 0.00001, 3.0, 0.3, 24.786), ('C', 100, 80, 0.03, 0.07, 3.0, 0.3, 12.177),
      ('C', 100, 90, 0.03, 0.07, 3.0, 0.3, 17.411), ('C', 100, 100, 0.03, 0.07, 3.0, 0.3, 23.402),
      ('C', 100, 110, 0.03, 0.07, 3.0, 0.3, 30.028), ('C', 100, 120, 0.03, 0.07, 3.0, 0.3, 37.177)]


def grid(count, seed=20):
    rng = random.Random(seed)
    spots = [80, 90, 95, 100, 105, 110, 125]
    strikes = [90, 100, 110]
    years = [1 / 365, 7 / 365, 0.1, 0.25, 0.5, 1, 2, 5, 10]
    vols = [0.05, 0.15, 0.3, 0.5, 0.8]
    rates = [0.0, 0.01, 0.03, 0.05, 0.1]
    yields = [0.0, 0.02, 0.05, 0.08, 0.12]
    rows = []
    while len(rows) < count:
        row = (rng.choice('CP'), rng.choice(strikes), rng.choice(spots), rng.choice(yields), rng.choice(rates),
               rng.choice(years), rng.choice(vols))
        kind, k, s, q, r, t, v = row
        never_early = (r <= 0 and q >= r) if kind == 'P' else (q <= 0 and r >= q)
        if never_early:
            continue  # the European value: no test of the boundary
        rows.append(row)
    return rows


def small_vols(count, seed=21):
    """Vols 0.02 % to 2 % with spots near the strike, where a large carry makes the boundary settle early."""
    rng = random.Random(seed)
    moneyness = [-0.02, -0.005, -0.001, 0.0, 0.001, 0.003, 0.01, 0.05]
    years = [1 / 365, 7 / 365, 0.1, 0.5, 1, 2, 5, 10]
    vols = [0.0002, 0.001, 0.003, 0.01, 0.02]
    rates = [0.01, 0.03, 0.05, 0.1]
    yields = [0.0, 0.01, 0.02, 0.05, 0.08]
    rows = [('C', 100, 101.5, 0.0863, 0.0387, 6.65, 0.00032),  # issue 20: below intrinsic before the fix
            ('P', 98.1572, 83.6163, 0.1083, 0.0767, 8.358, 0.00341)]  # the forward path meets the boundary at 6 y
    while len(rows) < count:
        kind = rng.choice('CP')
        r, q = rng.choice(rates), rng.choice(yields)
        if kind == 'C':
            r, q = q, r  # the put it mirrors has the larger rate
        s = round(100 * (1 + rng.choice(moneyness)), 4)
        rows.append((kind, 100, s, q, r, rng.choice(years), rng.choice(vols)))
    return rows


def main():
    small = '--small-vols' in sys.argv
    args = [a for a in sys.argv[1:] if a != '--small-vols']
    out = args[0] if args else ('functions/src/test/resources/reference/american_lattice_small_vols.csv' if small
                                else 'functions/src/test/resources/reference/american_lattice.csv')
    if small:
        cases = [('smallvol',) + row + (None,) for row in small_vols(31)]
    else:
        cases = [('ju1999',) + row for row in JU] + [('grid', ) + row + (None,) for row in grid(110)]
    with open(out, 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['source', 'type', 'S', 'K', 'T', 'v', 'r', 'q', 'lattice', 'estimate']
                   + ['tree_%d' % n for n in STEPS] + ['european', 'published'])
        for source, kind, k, s, q, r, t, v, published in cases:
            phi = 1 if kind == 'C' else -1
            fine, spread, values = converged(phi, s, k, t, v, r, q)
            w.writerow([source, kind, s, k, repr(t), v, r, q, '%.12f' % fine, '%.3e' % spread]
                       + ['%.12f' % x for x in values]
                       + ['%.12f' % european(phi, s, k, t, v, r, q), '' if published is None else published])
            f.flush()
            print(source, kind, s, k, t, v, r, q, '%.10f' % fine, '%.2e' % spread, file=sys.stderr)


if __name__ == '__main__':
    main()
