/**
 * The playground's state in the URL, so a team can share a model by link: the state as JSON, deflated
 * (`CompressionStream`, built into browsers and Node 18+) and written base64url in the fragment (`#s=…`), which
 * browsers never send to a server.
 */
import type { WalkEvent } from './funnel-run.ts';

/** Everything the playground's inputs hold. */
export interface PlaygroundState {
  readonly tab: 'scoring' | 'qualification' | 'funnel';
  /** The date the scores, verdicts and decay are computed as of (`YYYY-MM-DD`). */
  readonly asOf: string;
  readonly model: string;
  /** `null`: the bundled sample leads; otherwise the pasted JSON text. */
  readonly leads: string | null;
  /** The id of the lead whose explanation is shown. */
  readonly selectedLead: string | null;
  readonly framework: string;
  readonly assessment: string;
  readonly funnel: string;
  readonly events: readonly WalkEvent[];
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/** The fragment for a state: `s=` and the deflated JSON. */
export async function encodeState(state: PlaygroundState): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  return `s=${toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')))}`;
}

/**
 * The state in a fragment, over `defaults` (a field missing or of the wrong type keeps its default); `undefined`
 * when the fragment holds no state or cannot be read.
 */
export async function decodeState(hash: string, defaults: PlaygroundState): Promise<PlaygroundState | undefined> {
  const encoded = /(?:^#?|&)s=([A-Za-z0-9_-]+)/.exec(hash)?.[1];
  if (encoded === undefined) return undefined;
  try {
    const text = new TextDecoder().decode(await pipe(fromBase64Url(encoded), new DecompressionStream('deflate-raw')));
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const read = value as Record<string, unknown>;
    const text_ = (key: keyof PlaygroundState): string => (typeof read[key] === 'string' ? (read[key] as string) : (defaults[key] as string));
    const tab = read['tab'] === 'qualification' || read['tab'] === 'funnel' ? read['tab'] : 'scoring';
    const events = Array.isArray(read['events'])
      ? read['events'].filter(
          (event): event is WalkEvent => typeof event === 'object' && event !== null && typeof event.type === 'string' && typeof event.at === 'string',
        )
      : defaults.events;
    return {
      tab,
      asOf: text_('asOf'),
      model: text_('model'),
      leads: typeof read['leads'] === 'string' ? read['leads'] : null,
      selectedLead: typeof read['selectedLead'] === 'string' ? read['selectedLead'] : null,
      framework: text_('framework'),
      assessment: text_('assessment'),
      funnel: text_('funnel'),
      events: events.map((event) => ({ type: event.type, at: event.at })),
    };
  } catch {
    return undefined;
  }
}
