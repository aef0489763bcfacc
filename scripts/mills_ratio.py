#!/usr/bin/env python3
"""Generates Normal.MILLS: the Mills ratio M(y) = Phi(-y)/phi(y) on the quarters [j/4, (j+1)/4), j = 0..47 (up to
12), as polynomials of degree 11 in u = y - (j/4 + 1/8) interpolating M at the 12 Chebyshev nodes of each
quarter, in 60-digit mpmath. Each row: the constant term as a double and its rounding error, then c1 .. c11.
Also simulates the Java evaluation (Estrin's scheme, every operation rounded to double) and prints its worst
relative error. Run: python3 scripts/mills_ratio.py  (needs mpmath; prints the Java table rows)."""
import mpmath as mp

mp.mp.dps = 60
W = mp.mpf(1) / 4
DEG = 11
QUARTERS = 48


def mills(y):
    return mp.sqrt(mp.pi / 2) * mp.erfc(y / mp.sqrt(2)) * mp.exp(y * y / 2)


def fma(a, b, c):
    return float(mp.mpf(a) * mp.mpf(b) + mp.mpf(c))


def mul(a, b):
    return float(mp.mpf(a) * mp.mpf(b))


def evaluate(row, u):
    c0hi, c0lo, d = row[0], row[1], row[2:]
    u2 = mul(u, u)
    u4 = mul(u2, u2)
    p01 = fma(d[1], u, d[0])
    p23 = fma(d[3], u, d[2])
    p45 = fma(d[5], u, d[4])
    p67 = fma(d[7], u, d[6])
    p89 = fma(d[9], u, d[8])
    p03 = fma(p23, u2, p01)
    p47 = fma(p67, u2, p45)
    p810 = fma(d[10], u2, p89)
    rest = fma(fma(p810, u4, p47), u4, p03)
    return float(mp.mpf(c0hi) + mp.mpf(fma(rest, u, c0lo)))


rows = []
worst = 0
for j in range(QUARTERS):
    centre = j * W + W / 2
    half = W / 2
    us = [half * mp.cos(mp.pi * (k + mp.mpf(1) / 2) / (DEG + 1)) for k in range(DEG + 1)]
    a = mp.matrix([[u ** n for n in range(DEG + 1)] for u in us])
    coef = mp.lu_solve(a, mp.matrix([mills(centre + u) for u in us]))
    c0hi = float(coef[0])
    row = [c0hi, float(coef[0] - mp.mpf(c0hi))] + [float(coef[n]) for n in range(1, DEG + 1)]
    rows.append(row)
    for k in range(601):
        y = float(centre - half + 2 * half * mp.mpf(k) / 600)
        u = float(mp.mpf(y) - centre)
        worst = max(worst, abs(mp.mpf(evaluate(row, u)) / mills(mp.mpf(y)) - 1))

for row in rows:
    print("    " + ", ".join(x.hex() if x != 0 else "0.0" for x in row) + ",")
print("// worst relative error of the double evaluation: %s = %s * 2^-53" % (mp.nstr(worst, 3),
                                                                         mp.nstr(worst / mp.mpf(2) ** -53, 3)))
