#!/usr/bin/env python3
"""Writes the SYNTHETIC sample option chain for `gammaxl gex` (issue 15) in the two layouts the command reads:

  workbooks/src/main/resources/org/gammaxl/workbooks/templates/synthetic-chain.csv
      GammaXL layout (type,strike,expiry,iv,oi); shipped in the jar: `gammaxl gex --sample`, the example workbook
  docs/examples/synthetic-cboe-quotes.csv
      the same chain in the CBOE delayed-quotes layout (quote_table "Download CSV")

The numbers are seeded random numbers shaped like an S&P 500 index chain (spot 4512.37 on 2024-03-15 at 16:00,
strikes 3800 to 5200 by 25, seven expiries, a put skew, open interest heaped on round strikes). They are not market
data. The shape comes from scripts/gex_reference.py's index_chain. Run: python3 scripts/gex_sample_chain.py
"""
import datetime as dt
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from gex_reference import index_chain  # noqa: E402

SPOT = 4512.37
VALUATION = dt.datetime(2024, 3, 15, 16, 0)
EXPIRIES = [dt.date(2024, 3, 18), dt.date(2024, 3, 19), dt.date(2024, 3, 22), dt.date(2024, 3, 28),
            dt.date(2024, 4, 19), dt.date(2024, 5, 17), dt.date(2024, 6, 21)]
HERE = os.path.join(os.path.dirname(__file__), '..')
PLAIN = os.path.join(HERE, 'workbooks', 'src', 'main', 'resources', 'org', 'gammaxl', 'workbooks', 'templates',
                     'synthetic-chain.csv')
CBOE = os.path.join(HERE, 'docs', 'examples', 'synthetic-cboe-quotes.csv')


def main():
    rng = np.random.RandomState(2024)
    days = [(dt.datetime.combine(e, dt.time(16)) - VALUATION).days for e in EXPIRIES]
    rows = index_chain(rng, SPOT, np.arange(3800.0, 5201.0, 25.0), days, 6000, 4000)
    by_day = dict(zip(days, EXPIRIES))
    plain = ['# SYNTHETIC option chain (not market data): scripts/gex_sample_chain.py, seeded random numbers shaped',
             '# like an index chain. Spot %.2f, valuation %s. Columns: type (C/P), strike, expiry (16:00 that day),'
             % (SPOT, VALUATION.isoformat(timespec='minutes')),
             '# iv (0.2 = 20%), oi (open interest, contracts).',
             'type,strike,expiry,iv,oi']
    pairs = {}
    for (ty, k, t, vol, oi) in rows:
        expiry = by_day[int(round(t * 365))]
        plain.append('%s,%.2f,%s,%.4f,%d' % (ty, k, expiry.isoformat(), vol, oi))
        pairs.setdefault((expiry, k), {})[ty] = (vol, oi)
    with open(PLAIN, 'w') as f:
        f.write('\n'.join(plain) + '\n')
    cboe = ['SYNTHETIC INDEX (not market data: scripts/gex_sample_chain.py),Last: %.2f,Change: 0.00,Bid: %.2f,Ask: %.2f'
            % (SPOT, SPOT - 0.5, SPOT + 0.5),
            '"Date: %s at 4:00 PM EDT",Bid: 0,Ask: 0,Size: 0*0,Volume: 0' % VALUATION.strftime('%B %d, %Y').replace(' 0', ' '),
            '',
            'Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,Last Sale,Net,'
            'Bid,Ask,Volume,IV,Delta,Gamma,Open Interest']
    for (expiry, k) in sorted(pairs):
        c, p = pairs[(expiry, k)]['C'], pairs[(expiry, k)]['P']
        code = expiry.strftime('%y%m%d')
        cboe.append('%s,SYNW%sC%08d,0.0,0.0,0.0,0.0,0,%.4f,0.0,0.0,%d,%.2f,SYNW%sP%08d,0.0,0.0,0.0,0.0,0,%.4f,0.0,0.0,%d'
                    % (expiry.strftime('%a %b %d %Y'), code, int(k * 1000), c[0], c[1], k, code, int(k * 1000),
                       p[0], p[1]))
    with open(CBOE, 'w') as f:
        f.write('\n'.join(cboe) + '\n')
    print('wrote %d options to %s and %s' % (len(rows), os.path.normpath(PLAIN), os.path.normpath(CBOE)))


if __name__ == '__main__':
    main()
