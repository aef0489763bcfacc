"""Generates normalised_black_mpmath.csv: the normalised Black call b(x, s), vega and e^(x/2) - b at 50 digits.

b(x, s) = exp(x/2)*Phi(x/s + s/2) - exp(-x/2)*Phi(x/s - s/2), vega = exp(-(x^2/s^2 + s^2/4)/2)/sqrt(2 pi),
evaluated with mpmath (mp.dps = 50) at the exact binary double values of x and s; values are rounded to 17 significant digits.
Run: python3 normalised_black_mpmath.py > normalised_black_mpmath.csv
"""
from mpmath import mp, mpf, exp, ncdf, sqrt, pi

mp.dps = 50
xs = ['0', '-1e-12', '-1e-6', '-0.001', '-0.01', '-0.1', '-0.5', '-1', '-2', '-5', '-10', '-20', '-50', '-100', '-300']
ss = ['1e-8', '1e-5', '0.0005', '0.003', '0.01', '0.05', '0.1', '0.2', '0.3', '0.42', '0.5', '1', '1.7', '2',
      '3', '5', '10', '20', '40']
print('x,s,b,vega,complement')
for xt in xs:
    for st in ss:
        x, s = mpf(float(xt)), mpf(float(st))  # the exact binary values the test passes
        b = exp(x / 2) * ncdf(x / s + s / 2) - exp(-x / 2) * ncdf(x / s - s / 2)
        v = exp(-(x * x / (s * s) + s * s / 4) / 2) / sqrt(2 * pi)
        if b < mpf('1e-300'):
            continue
        c = exp(x / 2) * ncdf(-(x / s + s / 2)) + exp(-x / 2) * ncdf(x / s - s / 2)  # = e^(x/2) - b, no cancellation
        print('%s,%s,%s,%s,%s' % (xt, st, mp.nstr(b, 17, min_fixed=0, max_fixed=0), mp.nstr(v, 17, min_fixed=0, max_fixed=0),
                                  mp.nstr(c, 17, min_fixed=0, max_fixed=0)))
