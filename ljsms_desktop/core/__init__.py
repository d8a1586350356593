"""Pure-Python rules of the trade: numbers, message parts, templates, opt-outs, campaign planning."""
