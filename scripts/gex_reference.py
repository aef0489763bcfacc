#!/usr/bin/env python3
"""Independent reference values for the gamma-exposure functions (issue 15), computed with mpmath at 40
significant digits, written as the test fixture
functions/src/test/resources/org/gammaxl/exposure/gex-reference.csv.

Nothing here shares code with the Java implementation: gamma is the textbook closed form
e^{-qT} n(d1) / (S sigma sqrt(T)) evaluated in mpmath, vanna and charm are numerical derivatives (mpmath.diff)
of the Black-Scholes-Merton delta phi e^{-qT} N(phi d1) with respect to vol and to calendar time, and the flip is
the root of the mpmath profile found by mpmath.findroot (Anderson's method inside the bracket).

The chains are SYNTHETIC (seeded numpy random numbers shaped like an equity-index chain), not market data.

Definitions, as docs/gex.md states them:
  GEX per option  = sign * gamma * OI * M * S^2 * 0.01 (PER_1PCT), * S (PER_POINT), * 1 (SHARES)
  VEX per option  = sign * vanna * OI * M * 0.01 * (S, or 1 for SHARES)   (delta per vol point)
  CEX per option  = sign * charm * OI * M / 365 * (S, or 1 for SHARES)    (delta per calendar day)
  sign: CALLS_LONG: +1 call, -1 put; SIGNED: OI is the signed dealer position.
  grid: steps points low + j (high - low)/(steps - 1), last point = high (float arithmetic, as in Java).
  flip: grid intervals with a sign change; the one whose linear-interpolation root is nearest spot; the root of
        the exact curve inside it.
  walls: call wall = strike (listing a call) with the largest call GEX, put wall = strike (listing a put) with
         the most negative put GEX; lower strike on ties.

Run:  python3 scripts/gex_reference.py   (numpy + mpmath; a few seconds)
"""
import os
import numpy as np
import mpmath as mp

mp.mp.dps = 40
OUT = os.path.join(os.path.dirname(__file__), '..', 'functions', 'src', 'test', 'resources', 'org', 'gammaxl',
                   'exposure', 'gex-reference.csv')


def index_chain(rng, spot, strikes, days, call_oi, put_oi):
    rows = []
    for d in days:
        t = d / 365.0
        for k in strikes:
            m = np.log(k / spot)
            vol = float(0.17 - 0.35 * m + 0.9 * m * m + 0.04 / np.sqrt(d) + rng.uniform(-0.004, 0.004))
            c = float(np.round(call_oi * np.exp(-((k - 1.03 * spot) / (0.05 * spot)) ** 2)
                               * rng.lognormal(0, 0.5) * (1 + 2.0 * (k % 100 == 0))))
            p = float(np.round(put_oi * np.exp(-((k - 0.955 * spot) / (0.07 * spot)) ** 2)
                               * rng.lognormal(0, 0.5) * (1 + 2.0 * (k % 100 == 0))))
            rows.append(('C', float(k), t, vol, c))
            rows.append(('P', float(k), t, vol, p))
    return rows


def cases():
    rng = np.random.RandomState(15)
    spot = 4512.37
    strikes = np.arange(3800.0, 5201.0, 25.0)
    main = index_chain(rng, spot, strikes, [1, 3, 8, 15, 29, 57, 92], 6000, 4000)
    yield_case = dict(name='index', convention='CALLS_LONG', spot=spot, rate=0.0431, yield_=0.0137,
                      multiplier=100.0, rows=main)
    calls = [r for r in index_chain(rng, 101.25, np.arange(80.0, 125.0, 2.5), [7, 35], 900, 0) if r[0] == 'C']
    calls_case = dict(name='calls_only', convention='CALLS_LONG', spot=101.25, rate=0.02, yield_=0.0,
                      multiplier=1.0, rows=calls)
    signed = []
    for (ty, k, t, v, oi) in index_chain(rng, 27350.0, np.arange(22000.0, 33000.0, 500.0), [2, 9, 30], 300, 350):
        sign = (1 if ty == 'C' else -1) * (-1 if rng.uniform() < 0.2 else 1)
        signed.append((ty, k, t, v, float(sign * oi)))
    signed_case = dict(name='signed', convention='SIGNED', spot=27350.0, rate=0.0, yield_=0.0, multiplier=1.0,
                       rows=signed)
    return [yield_case, calls_case, signed_case]


def ncdf(x):
    return mp.ncdf(x)


def npdf(x):
    return mp.npdf(x)


def d1(s, k, t, vol, r, q):
    return (mp.log(s / k) + (r - q + vol * vol / 2) * t) / (vol * mp.sqrt(t))


def gamma(s, k, t, vol, r, q):
    return mp.exp(-q * t) * npdf(d1(s, k, t, vol, r, q)) / (s * vol * mp.sqrt(t))


def delta(phi, s, k, t, vol, r, q):
    return phi * mp.exp(-q * t) * ncdf(phi * d1(s, k, t, vol, r, q))


def vanna(phi, s, k, t, vol, r, q):
    return mp.diff(lambda v: delta(phi, s, k, t, v, r, q), vol)


def charm(phi, s, k, t, vol, r, q):
    # per year of calendar time: d/dt = -d/dT
    return -mp.diff(lambda tt: delta(phi, s, k, tt, vol, r, q), t)


class Case:
    def __init__(self, c):
        self.__dict__.update(c)
        self.r = mp.mpf(c['rate'])
        self.q = mp.mpf(c['yield_'])
        self.m = mp.mpf(c['multiplier'])

    def position(self, ty, oi):
        oi = mp.mpf(oi)
        if self.convention == 'SIGNED':
            return oi
        return oi if ty == 'C' else -oi

    def gamma_sum(self, s):
        s = mp.mpf(s)
        return sum(self.position(ty, oi) * gamma(s, mp.mpf(k), mp.mpf(t), mp.mpf(v), self.r, self.q)
                   for (ty, k, t, v, oi) in self.rows) * self.m

    def gex(self, s, unit):
        s = mp.mpf(s)
        return self.gamma_sum(s) * scale_gamma(s, unit)

    def per_option_gex(self, s):
        s = mp.mpf(s)
        return [self.position(ty, oi) * gamma(s, mp.mpf(k), mp.mpf(t), mp.mpf(v), self.r, self.q) * self.m
                * scale_gamma(s, 'PER_1PCT') for (ty, k, t, v, oi) in self.rows]


def scale_gamma(s, unit):
    return {'PER_1PCT': s * s / 100, 'PER_POINT': s, 'SHARES': mp.mpf(1)}[unit]


def scale_delta(s, unit):
    return mp.mpf(1) if unit == 'SHARES' else s


def grid(low, high, steps):
    step = (high - low) / (steps - 1)
    xs = [low + j * step for j in range(steps - 1)]
    xs.append(high)
    return xs


def flip(case, spot, xs):
    f = [case.gamma_sum(x) for x in xs]
    best = None
    bracket = None
    n = len(xs)
    for j in range(n):
        if f[j] == 0 and ((j > 0 and f[j - 1] != 0) or (j + 1 < n and f[j + 1] != 0)):
            if best is None or abs(xs[j] - spot) < abs(best - spot):
                best, bracket = xs[j], None
        if j + 1 < n and f[j] != 0 and f[j + 1] != 0 and (f[j] < 0) != (f[j + 1] < 0):
            guess = xs[j] + (xs[j + 1] - xs[j]) * (f[j] / (f[j] - f[j + 1]))
            if best is None or abs(guess - spot) < abs(best - spot):
                best, bracket = guess, j
    if best is None:
        return None, f
    if bracket is None:
        return mp.mpf(best), f
    root = mp.findroot(case.gamma_sum, (mp.mpf(xs[bracket]), mp.mpf(xs[bracket + 1])), solver='anderson')
    assert xs[bracket] <= root <= xs[bracket + 1], root
    return root, f


def fmt(x):
    return mp.nstr(mp.mpf(x), 25, strip_zeros=False, min_fixed=-30, max_fixed=30) if x is not None else 'none'


def main():
    out = ['# Gamma-exposure reference values (issue 15): scripts/gex_reference.py, mpmath at 40 digits.',
           '# SYNTHETIC chains (seeded random numbers shaped like an index chain), not market data.',
           '# case,name,convention,spot,rate,yield,multiplier | option,type,strike,years,vol,open_interest |',
           '# total,unit,gex,vex,cex | strike,strike,call,put,net (PER_1PCT) | walls,call,put |',
           '# grid,low,high,steps | profile,spot,gex (PER_1PCT) | flip,spot or none | end']
    for c in cases():
        case = Case(c)
        spot = c['spot']
        s = mp.mpf(spot)
        out.append('case,%s,%s,%r,%r,%r,%r' % (c['name'], c['convention'], spot, c['rate'], c['yield_'],
                                              c['multiplier']))
        for (ty, k, t, v, oi) in c['rows']:
            out.append('option,%s,%r,%r,%r,%r' % (ty, k, t, v, oi))
        vannas = [case.position(ty, oi) * vanna(1 if ty == 'C' else -1, s, mp.mpf(k), mp.mpf(t), mp.mpf(v), case.r,
                                                 case.q) for (ty, k, t, v, oi) in c['rows']]
        charms = [case.position(ty, oi) * charm(1 if ty == 'C' else -1, s, mp.mpf(k), mp.mpf(t), mp.mpf(v), case.r,
                                                 case.q) for (ty, k, t, v, oi) in c['rows']]
        gsum = case.gamma_sum(s)
        for unit in ('PER_1PCT', 'PER_POINT', 'SHARES'):
            g = gsum * scale_gamma(s, unit)
            vx = sum(vannas) * case.m * mp.mpf('0.01') * scale_delta(s, unit)
            cx = sum(charms) * case.m / 365 * scale_delta(s, unit)
            out.append('total,%s,%s,%s,%s' % (unit, fmt(g), fmt(vx), fmt(cx)))
        per = case.per_option_gex(s)
        table = {}
        for (row, g) in zip(c['rows'], per):
            ty, k = row[0], row[1]
            e = table.setdefault(k, {'C': mp.mpf(0), 'P': mp.mpf(0), 'hasC': False, 'hasP': False})
            e[ty] += g
            e['has' + ty] = True
        call_wall = put_wall = None
        any_call = any(r[0] == 'C' and r[4] != 0 for r in c['rows'])
        any_put = any(r[0] == 'P' and r[4] != 0 for r in c['rows'])
        for k in sorted(table):
            e = table[k]
            out.append('strike,%r,%s,%s,%s' % (k, fmt(e['C']), fmt(e['P']), fmt(e['C'] + e['P'])))
            if any_call and e['hasC'] and (call_wall is None or e['C'] > table[call_wall]['C']):
                call_wall = k
            if any_put and e['hasP'] and (put_wall is None or e['P'] < table[put_wall]['P']):
                put_wall = k
        out.append('walls,%s,%s' % ('none' if call_wall is None else repr(call_wall),
                                    'none' if put_wall is None else repr(put_wall)))
        low, high, steps = 0.8 * spot, 1.2 * spot, 100
        xs = grid(low, high, steps)
        out.append('grid,%r,%r,%d' % (low, high, steps))
        root, f = flip(case, spot, xs)
        for x, fx in zip(xs, f):
            out.append('profile,%r,%s' % (x, fmt(fx * scale_gamma(mp.mpf(x), 'PER_1PCT'))))
        out.append('flip,%s' % fmt(root))
        out.append('end')
        print('%-10s %4d options  GEX %s  flip %s  walls %s / %s' % (c['name'], len(c['rows']), mp.nstr(gsum * s * s / 100, 8),
                                                                 fmt(root)[:14], call_wall, put_wall))
    with open(OUT, 'w') as fh:
        fh.write('\n'.join(out) + '\n')
    print('wrote', os.path.normpath(OUT))


if __name__ == '__main__':
    main()
