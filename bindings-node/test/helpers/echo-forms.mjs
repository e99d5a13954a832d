// The forms in which a hostile server echoes a secret, and the check that a text carries none of
// the given secrets in any of them.

/** `\u0065\u0079...`: what a JSON encoder that escapes everything would send. */
export const jsonEscaped = (text) =>
  [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')

/** `%65%79...` */
export const percentEncoded = (text) =>
  [...Buffer.from(text)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')

/** Whether `text` carries one of `secrets`, in any case, as is, percent-decoded or JSON-unescaped. */
export function leaksAny(text, secrets) {
  // util.inspect and JSON.stringify double backslashes: undo that first.
  const unescaped = text
    .replaceAll('\\\\', '\\')
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
  let decoded
  try {
    decoded = decodeURIComponent(text)
  } catch {
    decoded = text
  }
  return [text, decoded, unescaped].some((form) =>
    secrets.some((secret) => form.toLowerCase().includes(secret.toLowerCase())),
  )
}
