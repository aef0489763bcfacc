/**
 * Dealer exposure of an option chain: gamma exposure (GEX) by option, by strike and in total, its profile
 * over hypothetical spots, the gamma flip, call and put walls, and the vanna and charm exposures (VEX, CEX).
 *
 * <p><b>Definitions.</b> For one option with Black–Scholes–Merton gamma Γ (at that option's own implied
 * vol, {@link org.gammaxl.pricing.BlackScholesMerton}), open interest OI in contracts, contract multiplier M
 * and spot S: GEX = sign · Γ · OI · M · S² · 0.01, the currency value of the delta dealers must trade for a
 * 1 % move of spot ({@link org.gammaxl.exposure.ExposureUnit#PER_1PCT}, the default); the other units are
 * Γ · OI · M · S (currency of delta per 1.00 of spot, {@code PER_POINT}) and Γ · OI · M (shares per 1.00 of
 * spot, {@code SHARES}). The sign is the dealers' side ({@link org.gammaxl.exposure.ExposureConvention}):
 * by default dealers are long the calls and short the puts the public holds, so calls count + and puts −.
 *
 * <p><b>Sources.</b> The sign convention is SqueezeMetrics', "Gamma Exposure (GEX)", white paper, 2017
 * (https://squeezemetrics.com/download/white_paper.pdf): dealers assumed long calls and short puts, so that
 * Γ · OI · 100 counts + for a call and − for a put (shares per 1.00 of spot); the currency figure per 1 % move
 * multiplies that by S · 0.01 · S, as tradingvolatility.net's GEX notes and the tools built on the white
 * paper state it. The profile over hypothetical spots with each option's implied vol held, and the zero
 * crossing of that profile as the "zero gamma" level, follow S. Perfiliev, "How to Calculate Gamma Exposure
 * (GEX) and Zero Gamma Level" (perfiliev.co.uk, 2021), which also reads the CBOE delayed-quotes option
 * chain this project's command line accepts; his per-option figure is the same OI · 100 · S² · 0.01 · Γ.
 * Open-interest conventions are an assumption about who holds the options, not a measurement: with
 * {@code SIGNED} the caller supplies the dealers' positions.
 */
package org.gammaxl.exposure;
