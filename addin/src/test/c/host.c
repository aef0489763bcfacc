/*
 * GammaXL test host: plays Excel's part for an XLL through Excel's own C API. It implements the
 * callbacks an XLL uses (xlfRegister, xlGetName, xlFree, xlCoerce, xlcAlert, xlfCaller,
 * xlfUnregister, xlfSetName), loads the add-in as Excel does, calls the registered stubs with
 * XLOPER12 arguments and prints what comes back, one line per event, for the JUnit tests to judge.
 *
 *   host MODULE register
 *   host MODULE calls FILE [WAIT_SECONDS]
 *   host MODULE threads FILE THREADS SECONDS
 *   host MODULE cycles FILE N
 *   host MODULE fuzz SECONDS SEED
 *   host MODULE bench NAME N S K T r q vol cp -- ARG-TOKENS...
 *
 * Value tokens (call files and results): n:<number> s:<text with \t \n \\ escapes> b:0|1 e:<code>
 * m (missing) z (nil/blank) i:<int> a:<rows>:<cols> followed by rows*cols element tokens.
 */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xlcall12.h"

#ifdef _WIN32
#include <windows.h>
typedef HANDLE thread_t;
#define HOST_EXPORT __declspec(dllexport)
#else
#include <dlfcn.h>
#include <pthread.h>
#include <unistd.h>
typedef pthread_t thread_t;
#define HOST_EXPORT __attribute__((visibility("default")))
#endif

#include "host_call.inc"

/* ------------------------------------------------------------------ utilities */

static double now_s(void) {
#ifdef _WIN32
  LARGE_INTEGER f, c;
  QueryPerformanceFrequency(&f);
  QueryPerformanceCounter(&c);
  return (double)c.QuadPart / (double)f.QuadPart;
#else
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
#endif
}

static void sleep_ms(int ms) {
#ifdef _WIN32
  Sleep(ms);
#else
  usleep(ms * 1000);
#endif
}

static int thread_start(thread_t *t, void *(*fn)(void *), void *arg) {
#ifdef _WIN32
  *t = CreateThread(NULL, 0, (LPTHREAD_START_ROUTINE)(void *)fn, arg, 0, NULL);
  return *t ? 0 : -1;
#else
  return pthread_create(t, NULL, fn, arg);
#endif
}

static void thread_join(thread_t t) {
#ifdef _WIN32
  WaitForSingleObject(t, INFINITE);
  CloseHandle(t);
#else
  pthread_join(t, NULL);
#endif
}

static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  printf("FATAL\t");
  vprintf(fmt, ap);
  printf("\n");
  va_end(ap);
  fflush(stdout);
  exit(3);
}

typedef struct { char *s; size_t n, cap; } sbuf;
static void sb_putc(sbuf *b, char c) {
  if (b->n + 2 > b->cap) {
    b->cap = b->cap ? b->cap * 2 : 256;
    b->s = realloc(b->s, b->cap);
    if (!b->s) die("out of memory");
  }
  b->s[b->n++] = c;
  b->s[b->n] = 0;
}
static void sb_puts(sbuf *b, const char *s) {
  if (!b->s) { b->cap = 256; b->s = malloc(b->cap); if (!b->s) die("out of memory"); b->s[0] = 0; }
  while (*s) sb_putc(b, *s++);
}
static void sb_printf(sbuf *b, const char *fmt, ...) {
  char tmp[128];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  sb_puts(b, tmp);
}

/* counted UTF-16 <-> UTF-8 (the host's own copy: it must not trust the shim's) */
static XCHAR *counted_from_utf8(const char *s, size_t n) {
  XCHAR *w = malloc(sizeof(XCHAR) * (n + 1));
  int len = 0;
  size_t i = 0;
  while (i < n && len < 32767) {
    unsigned c = (unsigned char)s[i++];
    uint32_t cp = c;
    int extra = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : 3;
    if (extra) cp = c & (0x3F >> extra);
    for (int k = 0; k < extra && i < n; k++) cp = (cp << 6) | ((unsigned char)s[i++] & 0x3F);
    if (cp >= 0x10000) {
      if (len + 2 > 32767) break;
      cp -= 0x10000;
      w[1 + len++] = (XCHAR)(0xD800 + (cp >> 10));
      w[1 + len++] = (XCHAR)(0xDC00 + (cp & 0x3FF));
    } else {
      w[1 + len++] = (XCHAR)cp;
    }
  }
  w[0] = (XCHAR)len;
  /* shrink to the exact size so that AddressSanitizer sees any read past the string */
  XCHAR *exact = malloc(sizeof(XCHAR) * (len + 1));
  memcpy(exact, w, sizeof(XCHAR) * (len + 1));
  free(w);
  return exact;
}

static void utf16_to_sb(sbuf *b, const XCHAR *w, int n, int escape) {
  for (int i = 0; i < n; i++) {
    uint32_t c = w[i];
    if (c >= 0xD800 && c < 0xDC00 && i + 1 < n && w[i + 1] >= 0xDC00 && w[i + 1] < 0xE000) {
      c = 0x10000 + ((c - 0xD800) << 10) + (w[++i] - 0xDC00);
    }
    if (escape && c == '\\') { sb_puts(b, "\\\\"); continue; }
    if (escape && c == '\t') { sb_puts(b, "\\t"); continue; }
    if (escape && c == '\n') { sb_puts(b, "\\n"); continue; }
    if (escape && c == '\r') { sb_puts(b, "\\r"); continue; }
    if (c < 0x80) sb_putc(b, (char)c);
    else if (c < 0x800) { sb_putc(b, (char)(0xC0 | (c >> 6))); sb_putc(b, (char)(0x80 | (c & 0x3F))); }
    else if (c < 0x10000) {
      sb_putc(b, (char)(0xE0 | (c >> 12))); sb_putc(b, (char)(0x80 | ((c >> 6) & 0x3F))); sb_putc(b, (char)(0x80 | (c & 0x3F)));
    } else {
      sb_putc(b, (char)(0xF0 | (c >> 18))); sb_putc(b, (char)(0x80 | ((c >> 12) & 0x3F)));
      sb_putc(b, (char)(0x80 | ((c >> 6) & 0x3F))); sb_putc(b, (char)(0x80 | (c & 0x3F)));
    }
  }
}

static char *utf8_of(const XCHAR *counted) {
  sbuf b = {0};
  sb_puts(&b, "");
  if (counted) utf16_to_sb(&b, counted + 1, counted[0], 1);
  return b.s;
}

/* ------------------------------------------------------------------ the emulated Excel */

typedef struct {
  double id;
  int active, name_deleted, nfields;
  char *fields[255];
} registration;

static registration regs[512];
static int nregs, next_id = 1000, alerts, set_name_deletes, unregisters;
static long excel_allocs; /* strings handed out with xlbitXLFree-style ownership, awaiting xlFree */
static char module_path[4096];
static void *module;
static int bad_register_calls;

static void *sym(const char *name) {
#ifdef _WIN32
  return (void *)GetProcAddress((HMODULE)module, name);
#else
  return dlsym(module, name);
#endif
}

HOST_EXPORT int GX_PASCAL MdCallBack12(int xlfn, int count, LPXLOPER12 *opers, LPXLOPER12 res);

HOST_EXPORT int GX_PASCAL MdCallBack12(int xlfn, int count, LPXLOPER12 *opers, LPXLOPER12 res) {
  switch (xlfn) {
  case xlGetName: {
    if (!res) return xlretFailed;
    res->xltype = xltypeStr;
    res->val.str = counted_from_utf8(module_path, strlen(module_path));
    excel_allocs++;
    return xlretSuccess;
  }
  case xlFree:
    for (int i = 0; i < count; i++) {
      LPXLOPER12 x = opers[i];
      if ((x->xltype & GX_TYPE_MASK) == xltypeStr && x->val.str) { free(x->val.str); x->val.str = NULL; excel_allocs--; }
      x->xltype = xltypeNil;
    }
    return xlretSuccess;
  case xlfRegister: {
    if (count < 10 || count > 255) { bad_register_calls++; return xlretInvCount; }
    registration *r = &regs[nregs < 512 ? nregs : 511];
    memset(r, 0, sizeof *r);
    r->nfields = count;
    for (int i = 0; i < count; i++) {
      LPXLOPER12 x = opers[i];
      int t = x->xltype & GX_TYPE_MASK;
      if (t == xltypeStr) {
        if (x->val.str[0] > 255) { printf("BADREG\tstring argument %d longer than 255\n", i + 1); bad_register_calls++; }
        r->fields[i] = utf8_of(x->val.str);
      } else if (t == xltypeNum) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "%g", x->val.num);
        r->fields[i] = strdup(tmp);
      } else {
        r->fields[i] = strdup("?");
      }
    }
    if (!sym(r->fields[1])) { printf("BADREG\texport %s not found\n", r->fields[1]); bad_register_calls++; }
    r->id = next_id++;
    r->active = 1;
    if (nregs < 512) nregs++;
    res->xltype = xltypeNum;
    res->val.num = r->id;
    return xlretSuccess;
  }
  case xlfUnregister:
    for (int i = 0; i < nregs; i++) {
      if (count == 1 && (opers[0]->xltype & GX_TYPE_MASK) == xltypeNum && regs[i].id == opers[0]->val.num && regs[i].active) {
        regs[i].active = 0;
        unregisters++;
        if (res) { res->xltype = xltypeBool; res->val.xbool = 1; }
        return xlretSuccess;
      }
    }
    if (res) { res->xltype = xltypeBool; res->val.xbool = 0; }
    return xlretSuccess;
  case xlfSetName:
    if (count == 1 && (opers[0]->xltype & GX_TYPE_MASK) == xltypeStr) {
      char *name = utf8_of(opers[0]->val.str);
      for (int i = 0; i < nregs; i++) {
        if (regs[i].nfields > 3 && strcmp(regs[i].fields[3], name) == 0 && !regs[i].name_deleted) {
          regs[i].name_deleted = 1;
          set_name_deletes++;
          break;
        }
      }
      free(name);
    }
    if (res) { res->xltype = xltypeBool; res->val.xbool = 1; }
    return xlretSuccess;
  case xlcAlert: {
    char *text = count > 0 && (opers[0]->xltype & GX_TYPE_MASK) == xltypeStr ? utf8_of(opers[0]->val.str) : strdup("");
    printf("ALERT\t%s\n", text);
    fflush(stdout);
    free(text);
    alerts++;
    if (res) { res->xltype = xltypeBool; res->val.xbool = 1; }
    return xlretSuccess;
  }
  case xlfCaller:
    if (res) { res->xltype = xltypeErr; res->val.err = xlerrRef; }
    return xlretSuccess;
  case xlCoerce:
    if (count < 1 || !res) return xlretInvCount;
    *res = *opers[0];
    res->xltype &= GX_TYPE_MASK;
    if ((res->xltype & GX_TYPE_MASK) == xltypeStr || (res->xltype & GX_TYPE_MASK) == xltypeMulti) return xlretInvXloper;
    return xlretSuccess;
  default:
    return xlretInvXlfn;
  }
}

static void free_regs(void) {
  for (int i = 0; i < nregs; i++)
    for (int k = 0; k < regs[i].nfields; k++) free(regs[i].fields[k]);
  nregs = 0;
}

typedef int (*auto_fn)(void);
typedef void (*free_fn)(LPXLOPER12);
static free_fn auto_free;

static void load_module(const char *path) {
#ifdef _WIN32
  wchar_t w[4096], full[4096];
  MultiByteToWideChar(CP_UTF8, 0, path, -1, w, 4096);
  GetFullPathNameW(w, 4096, full, NULL);
  WideCharToMultiByte(CP_UTF8, 0, full, -1, module_path, sizeof module_path, NULL, NULL);
  module = LoadLibraryW(full);
  if (!module) die("LoadLibrary %s failed: error %lu", module_path, GetLastError());
#else
  if (!realpath(path, module_path)) die("no module %s", path);
  module = dlopen(module_path, RTLD_NOW | RTLD_LOCAL);
  if (!module) die("dlopen %s: %s", module_path, dlerror());
  /* Excel finds nothing to inject; on Linux the host injects its callback as the SDK glue allows. */
  void (*set)(EXCEL12PROC) = (void (*)(EXCEL12PROC))dlsym(module, "SetExcel12EntryPt");
  if (!set) die("SetExcel12EntryPt not exported");
  set(MdCallBack12);
#endif
  auto_free = (free_fn)sym("xlAutoFree12");
  if (!auto_free) die("xlAutoFree12 not exported");
}

static void unload_module(void) {
#ifdef _WIN32
  FreeLibrary((HMODULE)module);
#else
  dlclose(module);
#endif
  module = NULL;
}

static int status(void) {
  int (*st)(void) = (int (*)(void))sym("GammaXLStatus");
  return st ? st() : -1;
}

/* the path of this thread's last call: 0 none, 1 numeric, 2 numeric with text, 3 general */
static int last_path(void) {
  int (*p)(void) = (int (*)(void))sym("GammaXLLastPath");
  return p ? p() : -1;
}

/* prints the shim's counters (call before close: they belong to the session) */
static void print_counters(void) {
  long long c[6] = {0};
  int (*get)(long long *, int) = (int (*)(long long *, int))sym("GammaXLCounters");
  if (get) get(c, 6);
  printf("COUNTERS\tnumeric=%lld\tnumeric_text=%lld\tgeneral=%lld\ttext_hits=%lld\ttext_misses=%lld\ttext_evictions=%lld\n",
         c[0], c[1], c[2], c[3], c[4], c[5]);
}

static int open_addin(void) {
  auto_fn open = (auto_fn)sym("xlAutoOpen");
  if (!open) die("xlAutoOpen not exported");
  free_regs();
  alerts = set_name_deletes = unregisters = 0;
  int rc = open();
  int active = 0;
  for (int i = 0; i < nregs; i++) active += regs[i].active;
  printf("OPEN\trc=%d\tregistered=%d\n", rc, active);
  return rc;
}

static void close_addin(void) {
  auto_fn close = (auto_fn)sym("xlAutoClose");
  if (!close) die("xlAutoClose not exported");
  close();
  int still = 0, names = 0;
  for (int i = 0; i < nregs; i++) { still += regs[i].active; names += !regs[i].name_deleted; }
  printf("CLOSE\tunregistered=%d\tnames_deleted=%d\tstill_registered=%d\tnames_left=%d\texcel_allocs=%ld\n",
         unregisters, set_name_deletes, still, names, excel_allocs);
}

/* waits until the JVM is ready (status 2) or failed; returns seconds waited */
static double wait_ready(double limit) {
  double t0 = now_s();
  while (status() == 1 && now_s() - t0 < limit) sleep_ms(2);
  return now_s() - t0;
}

/* ------------------------------------------------------------------ values */

static char *unescape(const char *s, size_t *n) {
  char *o = malloc(strlen(s) + 1);
  size_t k = 0;
  for (; *s; s++) {
    if (*s == '\\' && s[1]) {
      s++;
      o[k++] = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s == 'r' ? '\r' : *s;
    } else {
      o[k++] = *s;
    }
  }
  o[k] = 0;
  *n = k;
  return o;
}

/* Parses tokens[*pos...] into x, allocating payloads at their exact size. */
static void parse_value(char **tok, int ntok, int *pos, XLOPER12 *x) {
  if (*pos >= ntok) die("missing value token");
  char *t = tok[(*pos)++];
  memset(x, 0, sizeof *x);
  switch (t[0]) {
  case 'n': x->xltype = xltypeNum; x->val.num = strtod(t + 2, NULL); break;
  case 'i': x->xltype = xltypeInt; x->val.w = atoi(t + 2); break;
  case 'b': x->xltype = xltypeBool; x->val.xbool = atoi(t + 2); break;
  case 'e': x->xltype = xltypeErr; x->val.err = atoi(t + 2); break;
  case 'm': x->xltype = xltypeMissing; break;
  case 'z': x->xltype = xltypeNil; break;
  case 's': {
    size_t n;
    char *u = unescape(t + 2, &n);
    x->xltype = xltypeStr;
    x->val.str = counted_from_utf8(u, n);
    free(u);
    break;
  }
  case 'a': {
    int rows = 0, cols = 0;
    sscanf(t + 2, "%d:%d", &rows, &cols);
    if (rows <= 0 || cols <= 0) die("bad array token %s", t);
    x->xltype = xltypeMulti;
    x->val.array.rows = rows;
    x->val.array.columns = cols;
    x->val.array.lparray = malloc(sizeof(XLOPER12) * rows * cols);
    for (int i = 0; i < rows * cols; i++) parse_value(tok, ntok, pos, &x->val.array.lparray[i]);
    break;
  }
  default: die("bad token %s", t);
  }
}

static void free_value(XLOPER12 *x) {
  int t = x->xltype & GX_TYPE_MASK;
  if (t == xltypeStr) free(x->val.str);
  if (t == xltypeMulti) {
    for (int i = 0; i < x->val.array.rows * x->val.array.columns; i++) free_value(&x->val.array.lparray[i]);
    free(x->val.array.lparray);
  }
}

/* Encodes a result; returns 0 if it is a well-formed XLOPER12 an XLL may return, else 1. */
static int encode(sbuf *b, const XLOPER12 *x, int depth) {
  int t = x->xltype & GX_TYPE_MASK;
  switch (t) {
  case xltypeNum: sb_printf(b, "n:%a", x->val.num); return isfinite(x->val.num) ? 0 : 1;
  case xltypeStr:
    if (!x->val.str) { sb_puts(b, "BAD"); return 1; }
    sb_puts(b, "s:");
    utf16_to_sb(b, x->val.str + 1, x->val.str[0], 1);
    return 0;
  case xltypeBool: sb_printf(b, "b:%d", x->val.xbool ? 1 : 0); return x->val.xbool == 0 || x->val.xbool == 1 ? 0 : 1;
  case xltypeErr: {
    int c = x->val.err;
    sb_printf(b, "e:%d", c);
    return c == 0 || c == 7 || c == 15 || c == 23 || c == 29 || c == 36 || c == 42 || c == 43 ? 0 : 1;
  }
  case xltypeNil: sb_puts(b, "z"); return 0;
  case xltypeMulti: {
    if (depth > 0 || x->val.array.rows <= 0 || x->val.array.columns <= 0 || !x->val.array.lparray) { sb_puts(b, "BAD"); return 1; }
    int bad = 0;
    sb_printf(b, "a:%d:%d", x->val.array.rows, x->val.array.columns);
    for (int i = 0; i < x->val.array.rows * x->val.array.columns; i++) {
      sb_putc(b, '\t');
      bad |= encode(b, &x->val.array.lparray[i], depth + 1);
    }
    return bad;
  }
  default: sb_printf(b, "BAD:%x", x->xltype); return 1;
  }
}

/* ------------------------------------------------------------------ call files */

typedef struct {
  char *name;
  void *fp;
  int argc;
  XLOPER12 *args;
  LPXLOPER12 *argv;
  int thread_safe;
} call;

static call *calls;
static int ncalls;

static registration *find_reg(const char *name) {
  for (int i = 0; i < nregs; i++)
    if (regs[i].active && regs[i].nfields > 3 && strcmp(regs[i].fields[3], name) == 0) return &regs[i];
  return NULL;
}

static int split(char *line, char **tok, int max) {
  int n = 0;
  char *p = line;
  while (n < max) {
    tok[n++] = p;
    char *tab = strchr(p, '\t');
    if (!tab) break;
    *tab = 0;
    p = tab + 1;
  }
  return n;
}

static void load_calls(const char *file) {
  FILE *f = fopen(file, "rb");
  if (!f) die("cannot read %s", file);
  static char line[1 << 20];
  static char *tok[1 << 16];
  int cap = 0;
  while (fgets(line, sizeof line, f)) {
    size_t L = strlen(line);
    while (L && (line[L - 1] == '\n' || line[L - 1] == '\r')) line[--L] = 0;
    if (strncmp(line, "CALL\t", 5) != 0) continue;
    int ntok = split(line, tok, 1 << 16);
    if (ncalls == cap) { cap = cap ? cap * 2 : 64; calls = realloc(calls, sizeof(call) * cap); }
    call *c = &calls[ncalls++];
    memset(c, 0, sizeof *c);
    c->name = strdup(tok[1]);
    c->argc = atoi(tok[2]);
    c->args = calloc(c->argc ? c->argc : 1, sizeof(XLOPER12));
    c->argv = calloc(c->argc ? c->argc : 1, sizeof(LPXLOPER12));
    int pos = 3;
    for (int i = 0; i < c->argc; i++) { parse_value(tok, ntok, &pos, &c->args[i]); c->argv[i] = &c->args[i]; }
  }
  fclose(f);
}

static void bind_calls(void) {
  for (int i = 0; i < ncalls; i++) {
    registration *r = find_reg(calls[i].name);
    calls[i].fp = r ? sym(r->fields[1]) : NULL;
    calls[i].thread_safe = r && strchr(r->fields[2], '$') != NULL;
    if (r) {
      int declared = (int)strlen(r->fields[2]) - 1 - (strchr(r->fields[2], '$') != NULL) - (strchr(r->fields[2], '!') != NULL);
      if (declared != calls[i].argc) die("call %d of %s passes %d arguments, registered with %d", i, calls[i].name, calls[i].argc, declared);
    }
  }
}

static void free_calls(void) {
  for (int i = 0; i < ncalls; i++) {
    for (int k = 0; k < calls[i].argc; k++) free_value(&calls[i].args[k]);
    free(calls[i].args);
    free(calls[i].argv);
    free(calls[i].name);
  }
  free(calls);
  calls = NULL;
  ncalls = 0;
}

/* One call as Excel makes it: the stub, then xlAutoFree12 when the result asks for it. */
static char *do_call(call *c, int *bad) {
  sbuf b = {0};
  sb_puts(&b, "");
  if (!c->fp) { sb_puts(&b, "UNREGISTERED"); if (bad) *bad = 1; return b.s; }
  LPXLOPER12 r = call_stub(c->fp, c->argc, c->argv);
  if (!r) { sb_puts(&b, "NULL"); if (bad) *bad = 1; return b.s; }
  int wf = encode(&b, r, 0);
  if (bad) *bad = wf;
  if (r->xltype & xlbitDLLFree) auto_free(r);
  return b.s;
}

static char **run_all(void) {
  char **out = calloc(ncalls ? ncalls : 1, sizeof(char *));
  for (int i = 0; i < ncalls; i++) out[i] = do_call(&calls[i], NULL);
  return out;
}

static void free_results(char **r) {
  for (int i = 0; i < ncalls; i++) free(r[i]);
  free(r);
}

/* ------------------------------------------------------------------ commands */

static void print_registrations(void) {
  for (int i = 0; i < nregs; i++) {
    printf("REG");
    for (int k = 1; k < regs[i].nfields; k++) printf("\t%s", regs[i].fields[k]);
    printf("\n");
  }
}

static int cmd_register(void) {
  open_addin();
  print_registrations();
  printf("STATUS\t%d\n", status());
  close_addin();
  printf("BADREGISTER\t%d\n", bad_register_calls);
  return 0;
}

static int cmd_calls(const char *file, double wait) {
  double t0 = now_s();
  open_addin();
  double t_open = now_s() - t0;
  load_calls(file);
  bind_calls();
  if (ncalls > 0) {
    int before = status();
    char *r = do_call(&calls[0], NULL);
    int after = status();
    printf("EARLY\t%d\t%s\t%d\n", before, r, after);
    free(r);
  }
  wait_ready(wait);
  /* first answered call: poll the first call until it is not #N/A or the wait is over */
  if (ncalls > 0 && status() == 2) {
    char *r = do_call(&calls[0], NULL);
    printf("FIRST\t%.1f ms after xlAutoOpen returned (xlAutoOpen itself %.1f ms)\t%s\n",
           (now_s() - t0 - t_open) * 1e3, t_open * 1e3, r);
    free(r);
  }
  printf("STATUS\t%d\n", status());
  for (int i = 0; i < ncalls; i++) {
    char *r = do_call(&calls[i], NULL);
    printf("RES\t%d\t%s\n", i, r);
    printf("PATH\t%d\t%d\n", i, last_path());
    free(r);
  }
  /* a second round: results must not change, and (with no Java) no second alert */
  char **again = run_all();
  int differ = 0;
  char **first = run_all();
  for (int i = 0; i < ncalls; i++) differ += strcmp(again[i], first[i]) != 0;
  free_results(again);
  free_results(first);
  printf("REPEAT\tdiffer=%d\talerts=%d\n", differ, alerts);
  print_counters();
  close_addin();
  free_calls();
  return 0;
}

typedef struct { int id; double seconds; long calls, mismatches; char **expected; } worker;

static void *work(void *p) {
  worker *w = p;
  double end = now_s() + w->seconds;
  while (now_s() < end) {
    for (int i = 0; i < ncalls; i++) {
      if (!calls[i].thread_safe) continue;
      char *r = do_call(&calls[i], NULL);
      if (strcmp(r, w->expected[i]) != 0) {
        if (w->mismatches < 5) printf("MISMATCH\tthread %d call %d: %s != %s\n", w->id, i, r, w->expected[i]);
        w->mismatches++;
      }
      free(r);
      w->calls++;
    }
  }
  return NULL;
}

static int cmd_threads(const char *file, int nthreads, double seconds) {
  open_addin();
  load_calls(file);
  bind_calls();
  wait_ready(30);
  printf("STATUS\t%d\n", status());
  char **expected = run_all();
  worker *ws = calloc(nthreads, sizeof(worker));
  thread_t *ts = calloc(nthreads, sizeof(thread_t));
  for (int i = 0; i < nthreads; i++) {
    ws[i].id = i;
    ws[i].seconds = seconds;
    ws[i].expected = expected;
    if (thread_start(&ts[i], work, &ws[i]) != 0) die("thread start");
  }
  long total = 0, mism = 0;
  for (int i = 0; i < nthreads; i++) { thread_join(ts[i]); total += ws[i].calls; mism += ws[i].mismatches; }
  int safe = 0;
  for (int i = 0; i < ncalls; i++) safe += calls[i].thread_safe;
  printf("THREADS\tthreads=%d\tthread_safe_calls=%d\tcalls=%ld\tmismatches=%ld\n", nthreads, safe, total, mism);
  print_counters();
  free(ws);
  free(ts);
  free_results(expected);
  close_addin();
  free_calls();
  return 0;
}

static int cmd_cycles(const char *file, int n, const char *path) {
  char **reference = NULL;
  int ref_n = 0;
  for (int c = 0; c < n; c++) {
    if (c > 0) load_module(path);
    open_addin();
    load_calls(file);
    bind_calls();
    wait_ready(30);
    char **res = run_all();
    int mism = 0;
    if (!reference) { reference = res; ref_n = ncalls; }
    else {
      for (int i = 0; i < ncalls && i < ref_n; i++) mism += strcmp(res[i], reference[i]) != 0;
      free_results(res);
    }
    int st = status();
    print_counters();
    close_addin();
    free_calls();
    printf("CYCLE\t%d\tstatus=%d\tcalls=%d\tmismatches=%d\n", c, st, ref_n, mism);
    unload_module();
  }
  if (reference) { for (int i = 0; i < ref_n; i++) free(reference[i]); free(reference); }
  load_module(path); /* leave one loaded for the common exit path */
  return 0;
}

/* ------------------------------------------------------------------ fuzz */

static uint64_t rng_state;
static uint64_t rnd(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return rng_state;
}

static void random_value(XLOPER12 *x, int depth) {
  memset(x, 0, sizeof *x);
  int k = (int)(rnd() % (depth ? 8 : 10));
  static const double specials[] = {0, -0.0, 1, -1, 0.5, 100, 1e-300, 1e300, 2.5e-8, -1e9, 36525, 0.2};
  static const int errs[] = {0, 7, 15, 23, 29, 36, 42, 43};
  switch (k) {
  case 0: case 1: case 2:
    x->xltype = xltypeNum;
    x->val.num = rnd() % 2 ? specials[rnd() % 12] : ((double)(rnd() % 2000000) - 1000000) / 997.0;
    break;
  case 3: {
    int n = (int)(rnd() % 24);
    if (rnd() % 50 == 0) n = 32767;
    XCHAR *s = malloc(sizeof(XCHAR) * (n + 1));
    s[0] = (XCHAR)n;
    static const char *words[] = {"C", "P", "call", "PUT", "BSM", "black76", "bachelier", "american", "x"};
    if (n > 0 && rnd() % 2) {
      const char *w = words[rnd() % 9];
      int L = (int)strlen(w) < n ? (int)strlen(w) : n;
      for (int i = 0; i < n; i++) s[1 + i] = i < L ? (XCHAR)w[i] : (XCHAR)' ';
      s[0] = (XCHAR)L;
    } else {
      for (int i = 0; i < n; i++) s[1 + i] = (XCHAR)(rnd() % 5 == 0 ? rnd() % 0x10000 : 32 + rnd() % 95);
    }
    /* exact allocation: s[0] may be less than the buffer, never more */
    x->xltype = xltypeStr;
    x->val.str = s;
    break;
  }
  case 4: x->xltype = xltypeBool; x->val.xbool = (int)(rnd() % 2); break;
  case 5: x->xltype = xltypeErr; x->val.err = errs[rnd() % 8]; break;
  case 6: x->xltype = xltypeMissing; break;
  case 7: x->xltype = xltypeNil; break;
  case 8: x->xltype = xltypeInt; x->val.w = (int)(rnd() % 200) - 100; break;
  default: {
    int rows = 1 + (int)(rnd() % 6), cols = 1 + (int)(rnd() % 4);
    if (rnd() % 40 == 0) { rows = 1 + (int)(rnd() % 3000); cols = 1 + (int)(rnd() % 3); }
    x->xltype = xltypeMulti;
    x->val.array.rows = rows;
    x->val.array.columns = cols;
    x->val.array.lparray = malloc(sizeof(XLOPER12) * rows * cols);
    for (int i = 0; i < rows * cols; i++) random_value(&x->val.array.lparray[i], depth + 1);
  }
  }
}

/* Text a trader types: keywords of every kind in random case, with spaces or dashes, ISO dates, near misses. */
static void random_word(XLOPER12 *x) {
  static const char *words[] = {"C", "P", "call", "PUT", "Call", "c", "p", "BSM", "black76", "Black-76",
                                "bachelier", "american", "inverse", "RAW", "trader", "delta", "Vanna",
                                "dualgamma", "LAMBDA", "ULTIMA", "price", "ACT/365F", "act/360", "BUS/252",
                                "spot", "FUTURE", "perp", "yz", "parkinson", "GK", "exact", "2026-11-23",
                                "2026-02-30", "2026-11-23T16:30", "CALLS", "x", "", "100", "0.25", "C P"};
  const int nw = (int)(sizeof words / sizeof words[0]);
  const char *w = words[rnd() % nw];
  int n = (int)strlen(w);
  int pad = rnd() % 8 == 0 ? (int)(rnd() % 40) : 0; /* sometimes longer than the shim's cache key */
  XCHAR *s = malloc(sizeof(XCHAR) * (n + pad + 1));
  s[0] = (XCHAR)(n + pad);
  for (int i = 0; i < n; i++) {
    char ch = w[i];
    if (ch >= 'a' && ch <= 'z' && rnd() % 4 == 0) ch = (char)(ch - 32);
    else if (ch >= 'A' && ch <= 'Z' && rnd() % 4 == 0) ch = (char)(ch + 32);
    s[1 + i] = (XCHAR)ch;
  }
  for (int i = 0; i < pad; i++) s[1 + n + i] = (XCHAR)(rnd() % 2 ? ' ' : '-');
  x->xltype = xltypeStr;
  x->val.str = s;
}

/* An argument of a plausible call: mostly numbers, some missing, some keyword text. */
static void plausible_value(XLOPER12 *x) {
  memset(x, 0, sizeof *x);
  int k = (int)(rnd() % 20);
  static const double nums[] = {1, -1, 100, 105, 0.5, 0.25, 0.03, 0.01, 0, 45000, 46000, 2, 1e-9, -5};
  if (k < 12) { x->xltype = xltypeNum; x->val.num = nums[rnd() % 14]; }
  else if (k < 14) x->xltype = xltypeMissing;
  else if (k < 19) random_word(x);
  else random_value(x, 0);
}

static int cmd_fuzz(double seconds, uint64_t seed) {
  rng_state = seed ? seed : 88172645463325252ULL;
  open_addin();
  wait_ready(60);
  printf("STATUS\t%d\n", status());
  int nf = 0;
  registration *live[512];
  for (int i = 0; i < nregs; i++) if (regs[i].active) live[nf++] = &regs[i];
  long n = 0, bad = 0;
  double end = now_s() + seconds;
  while (nf > 0 && now_s() < end) {
    registration *r = live[rnd() % nf];
    const char *type = r->fields[2];
    int argc = (int)strlen(type) - 1 - (strchr(type, '$') != NULL) - (strchr(type, '!') != NULL);
    XLOPER12 args[64];
    LPXLOPER12 argv[64];
    if (argc > 64) continue;
    int plausible = rnd() % 2; /* half the calls look like a trader's, to reach the text fast path */
    for (int i = 0; i < argc; i++) {
      if (plausible) plausible_value(&args[i]);
      else random_value(&args[i], 0);
      argv[i] = &args[i];
    }
    call c = {r->fields[3], sym(r->fields[1]), argc, args, argv, 1};
    int wf = 0;
    char *out = do_call(&c, &wf);
    if (wf) { if (bad < 5) printf("MALFORMED\t%s\t%.200s\n", r->fields[3], out); bad++; }
    free(out);
    for (int i = 0; i < argc; i++) free_value(&args[i]);
    n++;
  }
  printf("FUZZ\tfunctions=%d\tcalls=%ld\tmalformed=%ld\n", nf, n, bad);
  print_counters();
  close_addin();
  return 0;
}

/* ------------------------------------------------------------------ benchmark */

/* Black-Scholes-Merton delta, the same formula as GX.DELTA's default model, written in C. */
static double bsm_delta(double S, double K, double T, double r, double q, double v, int call) {
  double sd = v * sqrt(T);
  double d1 = (log(S / K) + (r - q + 0.5 * v * v) * T) / sd;
  double n = 0.5 * erfc(-d1 / sqrt(2.0));
  return exp(-q * T) * (call ? n : n - 1.0);
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* CPU time of the calling thread: unlike wall time it does not grow when another process takes the
   core, so per-call CPU time on two threads against one shows contention even on a busy machine. */
static double thread_cpu_s(void) {
#ifdef _WIN32
  FILETIME c, e, k, u;
  if (!GetThreadTimes(GetCurrentThread(), &c, &e, &k, &u)) return 0;
  return ((double)k.dwLowDateTime + 4294967296.0 * k.dwHighDateTime + (double)u.dwLowDateTime +
          4294967296.0 * u.dwHighDateTime) * 1e-7;
#else
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
#endif
}

typedef struct { call *c; long n; double seconds, cpu; } bench_job;
static void *bench_work(void *p) {
  bench_job *j = p;
  double t0 = now_s(), c0 = thread_cpu_s();
  for (long i = 0; i < j->n; i++) {
    LPXLOPER12 r = call_stub(j->c->fp, j->c->argc, j->c->argv);
    if (r->xltype & xlbitDLLFree) auto_free(r);
  }
  j->seconds = now_s() - t0;
  j->cpu = thread_cpu_s() - c0;
  return NULL;
}

static int cmd_bench(int argc, char **argv) {
  /* argv: NAME N S K T r q vol cp -- tokens */
  if (argc < 10 || strcmp(argv[9], "--") != 0) die("bench NAME N S K T r q vol cp -- TOKENS");
  const char *name = argv[0];
  long n = atol(argv[1]);
  double S = atof(argv[2]), K = atof(argv[3]), T = atof(argv[4]), r = atof(argv[5]), q = atof(argv[6]), v = atof(argv[7]);
  int cp = atoi(argv[8]);
  double t0 = now_s();
  open_addin();
  wait_ready(60);
  printf("STARTUP\tJVM ready %.1f ms after xlAutoOpen began\tstatus=%d\n", (now_s() - t0) * 1e3, status());
  registration *reg = find_reg(name);
  if (!reg) die("%s is not registered", name);
  int ntok = argc - 10, pos = 0;
  XLOPER12 args[64];
  LPXLOPER12 av[64];
  int k = 0;
  while (pos < ntok && k < 64) { parse_value(argv + 10, ntok, &pos, &args[k]); av[k] = &args[k]; k++; }
  call c = {(char *)name, sym(reg->fields[1]), k, args, av, 1};
  char *first = do_call(&c, NULL);
  int path = last_path();
  printf("VALUE\tstub %s\tC %.17g\tpath=%s\n", first, bsm_delta(S, K, T, r, q, v, cp),
         path == 1 ? "numeric" : path == 2 ? "numeric with text" : path == 3 ? "general" : "none");
  free(first);
  /* Warm up for at least two seconds (the JIT compiles the Java side in the background), then time
     five rounds of n calls each way and report the median round: steady state, not start-up. */
  double tw = now_s();
  while (now_s() - tw < 2.0) {
    bench_job warm = {&c, n / 10 + 1, 0, 0};
    bench_work(&warm);
  }
  enum { ROUNDS = 5 };
  double stub_s[ROUNDS], c_s[ROUNDS], two_s[ROUNDS], cpu1[ROUNDS], cpu2[ROUNDS];
  volatile double vS = S;
  double sink = 0;
  for (int round = 0; round < ROUNDS; round++) {
    bench_job one = {&c, n, 0, 0};
    bench_work(&one);
    stub_s[round] = one.seconds;
    cpu1[round] = one.cpu;
    double t1 = now_s();
    for (long i = 0; i < n; i++) sink += bsm_delta(vS, K, T, r, q, v, cp);
    c_s[round] = now_s() - t1;
    /* two threads, n calls each (each new thread attaches once, ~0.1 ms, inside the timing) */
    bench_job two[2] = {{&c, n, 0, 0}, {&c, n, 0, 0}};
    thread_t th[2];
    double t2 = now_s();
    for (int i = 0; i < 2; i++) thread_start(&th[i], bench_work, &two[i]);
    for (int i = 0; i < 2; i++) thread_join(th[i]);
    two_s[round] = now_s() - t2;
    cpu2[round] = (two[0].cpu + two[1].cpu) / 2;
  }
  qsort(cpu1, ROUNDS, sizeof cpu1[0], cmp_double);
  qsort(cpu2, ROUNDS, sizeof cpu2[0], cmp_double);
  qsort(stub_s, ROUNDS, sizeof stub_s[0], cmp_double);
  qsort(c_s, ROUNDS, sizeof c_s[0], cmp_double);
  qsort(two_s, ROUNDS, sizeof two_s[0], cmp_double);
  bench_job one = {&c, n, stub_s[ROUNDS / 2], cpu1[ROUNDS / 2]};
  double tc = c_s[ROUNDS / 2];
  double wall2 = two_s[ROUNDS / 2];
  double ns_stub = one.seconds / n * 1e9, ns_c = tc / n * 1e9;
  printf("BENCH\t%s\tcalls=%ld\tstub_ns_per_call=%.1f\tc_ns_per_call=%.1f\tratio=%.2f\t(median of %d rounds; stub %.1f-%.1f, C %.1f-%.1f)\n",
         name, n, ns_stub, ns_c, ns_stub / ns_c, ROUNDS, stub_s[0] / n * 1e9, stub_s[ROUNDS - 1] / n * 1e9,
         c_s[0] / n * 1e9, c_s[ROUNDS - 1] / n * 1e9);
  printf("BENCH2\t2 threads x %ld calls (median of %d rounds)\twall=%.3f s\tthroughput=%.0f calls/s (1 thread %.0f)\tscaling=%.2fx\n", n, ROUNDS, wall2,
         2.0 * n / wall2, n / one.seconds, (2.0 * n / wall2) / (n / one.seconds));
  printf("BENCHCPU\tthread CPU ns per call: 1 thread %.1f, each of 2 threads %.1f (%.2fx; 1.00 = no contention)\n",
         cpu1[ROUNDS / 2] / n * 1e9, cpu2[ROUNDS / 2] / n * 1e9, cpu2[ROUNDS / 2] / cpu1[ROUNDS / 2]);
  printf("SINK\t%g\n", sink);
  for (int i = 0; i < k; i++) free_value(&args[i]);
  close_addin();
  return 0;
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (argc < 3) {
    fprintf(stderr, "usage: host MODULE register|calls|threads|cycles|fuzz|bench ...\n");
    return 2;
  }
  load_module(argv[1]);
  const char *cmd = argv[2];
  int rc;
  if (strcmp(cmd, "register") == 0) rc = cmd_register();
  else if (strcmp(cmd, "calls") == 0 && argc >= 4) rc = cmd_calls(argv[3], argc > 4 ? atof(argv[4]) : 30);
  else if (strcmp(cmd, "threads") == 0 && argc >= 6) rc = cmd_threads(argv[3], atoi(argv[4]), atof(argv[5]));
  else if (strcmp(cmd, "cycles") == 0 && argc >= 5) rc = cmd_cycles(argv[3], atoi(argv[4]), argv[1]);
  else if (strcmp(cmd, "fuzz") == 0 && argc >= 5) rc = cmd_fuzz(atof(argv[3]), strtoull(argv[4], NULL, 10));
  else if (strcmp(cmd, "bench") == 0) rc = cmd_bench(argc - 3, argv + 3);
  else { fprintf(stderr, "bad command\n"); return 2; }
  unload_module();
  free_regs();
  printf("DONE\t%d\n", rc);
  return rc;
}
