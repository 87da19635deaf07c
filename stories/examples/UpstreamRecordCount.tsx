import { useEffect, useState } from 'react';
import type { Simulator } from '../../src/testing/index.js';
import { fill, type PageTexts } from './page-texts.js';

/**
 * How many records the simulated API holds, above the page: a story's proof that a resend stored
 * nothing twice. Not part of the page a visitor sees.
 */
export function UpstreamRecordCount({ simulator, texts }: { simulator: Simulator; texts: PageTexts }) {
  const [count, setCount] = useState(simulator.state.records.length);
  useEffect(() => {
    const timer = setInterval(() => setCount(simulator.state.records.length), 100);
    return () => clearInterval(timer);
  }, [simulator]);
  return <output className="demo-upstream">{fill(texts.recordsUpstream, { count })}</output>;
}
