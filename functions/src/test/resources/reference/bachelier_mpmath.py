"""Generates bachelier_mpmath.csv: undiscounted Bachelier (normal model) option prices at 50 digits.

price = phi*(F - K)*Phi(phi*d) + sigma*sqrt(T)*pdf(d), d = (F - K)/(sigma*sqrt(T)), phi = +1 call / -1 put,
evaluated with mpmath (mp.dps = 50) at the exact binary double values of F, K, sigma and T written to the file
(strikes are F + k*sigma*sqrt(T) rounded to a double first); prices are rounded to 17 significant digits.
Run: python3 bachelier_mpmath.py > bachelier_mpmath.csv
"""
from mpmath import mp, mpf, ncdf, npdf, sqrt

mp.dps = 50
print('type,F,K,sigma,T,price')
cases = []
for forward, vols in ((100.0, (0.5, 5.0, 20.0)), (-0.002, (0.006, 0.0002)), (0.0, (0.01,))):
    for vol in vols:
        for years in (1.0 / 525600, 1.0 / 52, 1.0, 30.0):
            for k in (-30, -20, -10, -5, -2, -1, -0.1, 0, 0.1, 1, 2, 5, 10, 20, 30):
                strike = forward + k * vol * float(sqrt(mpf(years)))
                for phi in (1, -1):
                    F, K, s, T = mpf(forward), mpf(strike), mpf(vol), mpf(years)
                    st = s * sqrt(T)
                    d = (F - K) / st
                    price = phi * (F - K) * ncdf(phi * d) + st * npdf(d)
                    print('%d,%r,%r,%r,%r,%s' % (phi, forward, strike, vol, years,
                                                 mp.nstr(price, 17, min_fixed=0, max_fixed=0)))
