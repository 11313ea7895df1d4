/** How many characters a policy text has without whitespace outside strings: what a minified copy would have. */
export function packedLength(text: string): number {
  let length = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      length++;
      if (c === 0x5c) {
        length++;
        i++;
      } else if (c === 0x22) inString = false;
    } else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      length++;
      if (c === 0x22) inString = true;
    }
  }
  return length;
}

/** The size finding for a policy whose every character counts (SCPs, session policies), with how far minifying gets. */
export function sizeHit(text: string, limit: number, what: string): { path: []; message: string; help?: string }[] {
  if (text.length <= limit) return [];
  const packed = packedLength(text);
  const help = packed <= limit ? `remove the whitespace outside strings: minified, the policy has ${packed} characters` : undefined;
  return [{ path: [], message: `the policy has ${text.length} characters, over the limit of ${limit} for ${what} (whitespace counts)`, ...(help ? { help } : {}) }];
}
