/* The one piece of HTTP/1.1 request parsing the C stub servers need (bench/stub_server.c,
 * tests/c/keepalive_stub.c). */
#ifndef HTTP_HEAD_H
#define HTTP_HEAD_H

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The Content-Length of a request head (NUL-terminated, without the blank line), 0 if none. */
static long content_length(const char *head) {
  const char *line = head;
  while ((line = strstr(line, "\r\n")) != NULL) {
    line += 2;
    if (strncasecmp(line, "content-length:", 15) == 0) return strtol(line + 15, NULL, 10);
  }
  return 0;
}

#endif
