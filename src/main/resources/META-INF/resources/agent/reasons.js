// Plain words for an agent: why an offer is made, built from what the decision answer carries (the decision-table
// rows that made it eligible, the channel chosen and why, where the propensity came from).

const CHANNELS = {
  email: 'e-mail', sms: 'SMS', push: 'push notification', web: 'the website', 'mobile-app': 'the app',
  'call-centre': 'phone', social: 'social media', 'in-store': 'in store',
};

/** A channel code in words ("email" -> "e-mail"). */
export function channelName(code) {
  return CHANNELS[code] || String(code || '').replace(/-/g, ' ');
}

/** How the offer reaches the customer, seen from the call the agent is on. */
export function reachPhrase(offer, touchpoint) {
  if (offer.channel === touchpoint) return 'can be offered on this call';
  return `reachable by ${channelName(offer.channel)}`;
}

/** "because: Electronics big spenders, reachable by e-mail" (the fallback says so instead of naming rows). */
export function because(offer, decision) {
  const parts = offer.eligibleBy && offer.eligibleBy.length ? [...offer.eligibleBy]
    : [decision.fallback ? 'nothing else fits right now (the standard offer)' : 'eligible for everyone'];
  parts.push(reachPhrase(offer, decision.touchpoint));
  return 'because: ' + parts.join(', ');
}

/** What the score rests on, in words: "likely 23%: 80 of 340 similar contacts responded". */
export function likelihood(offer) {
  const f = offer.scoreFactors;
  const source = f && f.propensitySource;
  const pct = (x) => `${Math.round(x * 100)}%`;
  if (!source) return f ? `likely ${pct(f.propensity)}` : '';
  if (source.source === 'learned') {
    const level = source.level === 'offer' ? 'for this offer' : source.level === 'segment' ? 'in this customer\'s segment' : 'on this channel';
    return `likely ${pct(source.mean)}: ${source.responses} of ${source.contacts} contacts ${level} responded`;
  }
  if (source.source === 'own-score') return `likely ${pct(source.mean)} (the data science team's score)`;
  return `likely ${pct(source.mean)} (no responses recorded yet: the offer's starting estimate)`;
}
