/* GammaXL shim: strings (UTF-8 and Excel's counted UTF-16), paths, whole files and the log. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shim.h"

long now_ms(void) {
#ifdef _WIN32
  return (long)GetTickCount64();
#else
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long)(ts.tv_sec * 1000L + ts.tv_nsec / 1000000L);
#endif
}

void gx_log(const char *fmt, ...) {
  char stamp[32];
  gx_timestamp(stamp, sizeof stamp);
  gx_lock(&g_mutex);
  if (g_log) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(g_log, "%s [shim] ", stamp);
    vfprintf(g_log, fmt, ap);
    fputc('\n', g_log);
    fflush(g_log);
    va_end(ap);
  }
  gx_unlock(&g_mutex);
}

/* ------------------------------------------------------------------ strings */

/* UTF-8 (n bytes) to a counted UTF-16 string cut to max units; malloc'd. */
XCHAR *utf8_to_counted(const char *s, size_t n, int max) {
  XCHAR *w = malloc(sizeof(XCHAR) * (n + 2));
  if (!w) return NULL;
  int len = 0;
  size_t i = 0;
  while (i < n && len < max) {
    unsigned c = (unsigned char)s[i];
    uint32_t cp;
    int extra;
    if (c < 0x80) { cp = c; extra = 0; }
    else if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; extra = 1; }
    else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; extra = 2; }
    else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; extra = 3; }
    else { cp = 0xFFFD; extra = 0; }
    i++;
    for (int k = 0; k < extra; k++) {
      if (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) cp = (cp << 6) | ((unsigned char)s[i++] & 0x3F);
      else { cp = 0xFFFD; break; }
    }
    if (cp >= 0x10000) {
      if (len + 2 > max) break;
      cp -= 0x10000;
      w[1 + len++] = (XCHAR)(0xD800 + (cp >> 10));
      w[1 + len++] = (XCHAR)(0xDC00 + (cp & 0x3FF));
    } else {
      w[1 + len++] = (XCHAR)cp;
    }
  }
  w[0] = (XCHAR)len;
  return w;
}

/* Counted UTF-16 to UTF-8; malloc'd, NUL-terminated. */
char *counted_to_utf8(const XCHAR *w) {
  int n = w ? w[0] : 0;
  char *s = malloc((size_t)n * 3 + 1);
  if (!s) return NULL;
  int o = 0;
  for (int i = 1; i <= n; i++) {
    uint32_t c = w[i];
    if (c >= 0xD800 && c < 0xDC00 && i < n && w[i + 1] >= 0xDC00 && w[i + 1] < 0xE000) {
      c = 0x10000 + ((c - 0xD800) << 10) + (w[++i] - 0xDC00);
    }
    if (c < 0x80) s[o++] = (char)c;
    else if (c < 0x800) { s[o++] = (char)(0xC0 | (c >> 6)); s[o++] = (char)(0x80 | (c & 0x3F)); }
    else if (c < 0x10000) {
      s[o++] = (char)(0xE0 | (c >> 12)); s[o++] = (char)(0x80 | ((c >> 6) & 0x3F)); s[o++] = (char)(0x80 | (c & 0x3F));
    } else {
      s[o++] = (char)(0xF0 | (c >> 18)); s[o++] = (char)(0x80 | ((c >> 12) & 0x3F));
      s[o++] = (char)(0x80 | ((c >> 6) & 0x3F)); s[o++] = (char)(0x80 | (c & 0x3F));
    }
  }
  s[o] = 0;
  return s;
}

char *join_path(const char *dir, const char *name) {
  if (!name) return NULL;
  int absolute = name[0] == '/' || name[0] == '\\' || (name[0] && name[1] == ':');
  size_t n = strlen(dir) + strlen(name) + 2;
  char *p = malloc(n);
  if (!p) return NULL;
  if (absolute || !*dir) snprintf(p, n, "%s", name);
  else snprintf(p, n, "%s%c%s", dir, GX_PATH_SEP, name);
  return p;
}

char *trim(char *s) {
  while (*s == ' ' || *s == '\t') s++;
  char *e = s + strlen(s);
  while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n')) *--e = 0;
  return s;
}

char *read_file(const char *path, size_t *size) {
  FILE *f = gx_fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  while (buf) {
    size_t r = fread(buf + n, 1, cap - n, f);
    n += r;
    if (n < cap) break;
    char *nb = realloc(buf, cap * 2 + 1);
    if (!nb) { free(buf); buf = NULL; break; }
    buf = nb;
    cap *= 2;
  }
  fclose(f);
  if (buf) { buf[n] = 0; *size = n; }
  return buf;
}


void append(char *buf, size_t n, const char *fmt, ...) {
  size_t len = strlen(buf);
  if (len >= n - 1) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf + len, n - len, fmt, ap);
  va_end(ap);
}

