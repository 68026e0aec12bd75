/** Big transcripts made on the fly, for the paths only big uploads take (the import worker, chunked reading). */

/** `n` Twitter v1.1 statuses as JSON Lines, each ~1 KB (a long bio), replies to the one before. */
export function bigTwarcFile(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const who = `lib${i % 400}`;
    const time = new Date(Date.UTC(2024, 2, 14, 20, 0) + (i % 3600) * 1000 + Math.floor(i / 3600) * 86_400_000 * 7).toUTCString();
    const createdAt = time.replace(/^(\w+), (\d+) (\w+) (\d+) (\S+) GMT$/, '$1 $3 $2 $5 +0000 $4');
    lines.push(
      JSON.stringify({
        created_at: createdAt,
        id_str: String(1_000_000 + i),
        text: `A${(i % 5) + 1} message ${i} #uklibchat`,
        user: {
          id_str: String(i % 400),
          screen_name: who,
          name: `Librarian ${i % 400}`,
          description: `Academic librarian in Leeds. ${'Reading lists, open access and more. '.repeat(22)}`,
        },
        entities: { hashtags: [{ text: 'uklibchat' }], user_mentions: [] },
        ...(i > 0 ? { in_reply_to_status_id_str: String(1_000_000 + i - 1), in_reply_to_screen_name: `lib${(i - 1) % 400}` } : {}),
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
