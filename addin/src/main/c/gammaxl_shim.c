/*
 * GammaXL XLL shim. It registers the catalogue functions described by the metadata file shipped
 * beside the add-in, starts a JVM in the background and marshals every call between XLOPER12 and
 * the Java bridge (org.gammaxl.xll.XllBridge). It never computes and never coerces: every rule
 * about what an argument means lives in the Java catalogue.
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <dlfcn.h>
#endif
#include <jni.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform.h"
#include "xlcall12.h"

/* The stub pool (see gen_stubs.sh): POOL_SMALL stubs for each arity up to SMALL_MAX, POOL_LARGE above. */
#ifndef GX_MAX_ARITY
#define GX_MAX_ARITY 64
#endif
#ifndef GX_SMALL_MAX
#define GX_SMALL_MAX 16
#endif
#ifndef GX_POOL_SMALL
#define GX_POOL_SMALL 64
#endif
#ifndef GX_POOL_LARGE
#define GX_POOL_LARGE 8
#endif
#define GX_POOL_OF(k) ((k) <= GX_SMALL_MAX ? GX_POOL_SMALL : GX_POOL_LARGE)
#define GX_SLOT_BASE(k) \
  ((k) <= GX_SMALL_MAX ? (k) * GX_POOL_SMALL \
                       : (GX_SMALL_MAX + 1) * GX_POOL_SMALL + ((k) - GX_SMALL_MAX - 1) * GX_POOL_LARGE)
#define GX_SLOTS GX_SLOT_BASE(GX_MAX_ARITY + 1)
#define GX_FAST_MAX 64
/*
 * Per-thread text cache of the numeric fast path: what XllBridge.textAsNumber said about a text in
 * one argument position of one function (its numeric form, or "general path"). GX_TEXT_SETS sets of
 * GX_TEXT_WAYS entries, each holding at most GX_TEXT_KEY_MAX UTF-16 units; longer text always takes
 * the general path. Fixed size (about 5 KB a thread), part of the thread's state, freed with it.
 */
#define GX_TEXT_KEY_MAX 32
#define GX_TEXT_SETS 16
#define GX_TEXT_WAYS 4
/* Double.NaN's bits: the bridge's answer "no numeric form, use the general path" */
#define JAVA_NAN 0x7FF8000000000000ULL

/* what the last call on a thread did (GammaXLLastPath) */
#define PATH_NONE 0
#define PATH_NUMERIC 1
#define PATH_NUMERIC_TEXT 2
#define PATH_GENERAL 3
/* per-thread counters (GammaXLCounters) */
#define C_NUMERIC 0
#define C_NUMERIC_TEXT 1
#define C_GENERAL 2
#define C_TEXT_HITS 3
#define C_TEXT_MISSES 4
#define C_TEXT_EVICTIONS 5
#define C_COUNT 6

#define ST_CLOSED 0
#define ST_STARTING 1
#define ST_READY 2
#define ST_FAILED 3

#define BRIDGE_CLASS "org/gammaxl/xll/XllBridge"
/* ExcelError.asNaN(): quiet NaN, marker in the high payload, code in the low 8 bits. */
#define NAN_TAG 0x7FF80E0E00000000ULL
#define NAN_TAG_MASK 0xFFFFFFFFFFFFFF00ULL

/* ------------------------------------------------------------------ state */

typedef struct {
  char *name;          /* UTF-8 */
  XCHAR *wname;        /* counted UTF-16 strings: [0] = length */
  XCHAR *type_text;
  XCHAR *arg_text;
  XCHAR *category;
  XCHAR *help;
  XCHAR **arg_help;
  int arity;
  int fast;
  int slot;            /* stub slot, -1 when not registered */
  double register_id;
  int registered;
  jint java_index;     /* -1 until bound */
  long errors;
} gx_function;

typedef struct {
  int32_t fn;          /* Java function index */
  uint16_t arg;        /* argument position */
  uint8_t used;
  uint8_t general;     /* 1: this text has no numeric form here, take the general path */
  uint16_t len;        /* UTF-16 units in text */
  double value;        /* the numeric form (bits as Java returned them: keyword codes are tagged NaNs) */
  XCHAR text[GX_TEXT_KEY_MAX];
} text_entry;

typedef struct thread_state {
  char pad_before[64]; /* keep each thread's hot fields off its neighbours' cache lines */
  JNIEnv *env;
  jobject inbuf;       /* global ref: direct ByteBuffer over in[], the thread's Java slot */
  jint slot;           /* XllBridge.attach's number for this thread */
  XLOPER12 result;
  int last_path;
  unsigned victim;     /* round-robin replacement within a set */
  long long counters[C_COUNT];
  text_entry text[GX_TEXT_SETS][GX_TEXT_WAYS];
  struct thread_state *next;
  double in[GX_FAST_MAX]; /* fast-path arguments, read by Java through inbuf */
  char pad_after[64];
} thread_state;

static EXCEL12PROC g_excel;
static int g_state = ST_CLOSED;
static int g_generation;
static gx_mutex g_mutex = GX_MUTEX_INIT;
static gx_function *g_fns;
static int g_nfns;
static int g_slot_fn[GX_SLOTS];
static char *g_dir;
static char *g_log_path;
static FILE *g_log;
static gx_thread g_start_thread;
static int g_start_running;
static thread_state *g_threads;
static long g_open_ms;

/* configuration */
static char *g_cfg_runtime;
static char *g_cfg_classpath;
static char *g_cfg_calls;
/* XllBridge.callSlot as a native function (a Java 22+ upcall stub), or NULL: call it by JNI */
typedef double (*gx_upcall_fn)(jint index, jint slot, jint count, jlong missing_mask);
static gx_upcall_fn g_upcall;
/* XllBridge.callValues: the same with up to eight arguments in registers, or NULL */
typedef double (*gx_upcall8_fn)(jint index, jint slot, jint count, jlong missing_mask, double, double, double,
                                double, double, double, double, double);
static gx_upcall8_fn g_upcall8;
static char **g_cfg_options;
static int g_cfg_noptions;

/* JVM */
static void *g_jvm_lib;
static char *g_jvm_path;
static JavaVM *g_vm;
typedef jint(JNICALL *create_vm_fn)(JavaVM **, void **, void *);
typedef jint(JNICALL *created_vms_fn)(JavaVM **, jsize, jsize *);
static create_vm_fn g_create_vm;
static created_vms_fn g_created_vms;

static struct {
  jclass bridge, dbl, str, boolean, error, empty, object, object_array;
  jmethodID call_slot, attach, upcall, upcall8, call, text_number, value_of, double_value, boolean_value, error_code, log;
  jobject t, f, missing, blank, err[44];
} J;

static __thread thread_state *t_state;
static __thread int t_generation;

static int state_get(void) { return __atomic_load_n(&g_state, __ATOMIC_ACQUIRE); }
static void state_set(int s) { __atomic_store_n(&g_state, s, __ATOMIC_RELEASE); }

/* ------------------------------------------------------------------ log */

static long now_ms(void) {
#ifdef _WIN32
  return (long)GetTickCount64();
#else
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long)(ts.tv_sec * 1000L + ts.tv_nsec / 1000000L);
#endif
}

static void gx_log(const char *fmt, ...) {
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
static XCHAR *utf8_to_counted(const char *s, size_t n, int max) {
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
static char *counted_to_utf8(const XCHAR *w) {
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

static char *join_path(const char *dir, const char *name) {
  if (!name) return NULL;
  int absolute = name[0] == '/' || name[0] == '\\' || (name[0] && name[1] == ':');
  size_t n = strlen(dir) + strlen(name) + 2;
  char *p = malloc(n);
  if (!p) return NULL;
  if (absolute || !*dir) snprintf(p, n, "%s", name);
  else snprintf(p, n, "%s%c%s", dir, GX_PATH_SEP, name);
  return p;
}

static char *trim(char *s) {
  while (*s == ' ' || *s == '\t') s++;
  char *e = s + strlen(s);
  while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n')) *--e = 0;
  return s;
}

static char *read_file(const char *path, size_t *size) {
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

/* ------------------------------------------------------------------ Excel callbacks */

GX_EXPORT void SetExcel12EntryPt(EXCEL12PROC p) { g_excel = p; }

static int excel12v(int xlfn, LPXLOPER12 res, int count, LPXLOPER12 *opers) {
  if (!g_excel) {
#ifdef _WIN32
    g_excel = (EXCEL12PROC)(void *)GetProcAddress(GetModuleHandleW(NULL), "MdCallBack12");
#else
    g_excel = (EXCEL12PROC)dlsym(RTLD_DEFAULT, "MdCallBack12");
#endif
    if (!g_excel) return xlretFailed;
  }
  return g_excel(xlfn, count, opers, res);
}

static XLOPER12 xl_str(XCHAR *counted) {
  XLOPER12 x;
  memset(&x, 0, sizeof x);
  x.xltype = xltypeStr;
  x.val.str = counted;
  return x;
}

static XLOPER12 xl_num(double d) {
  XLOPER12 x;
  memset(&x, 0, sizeof x);
  x.xltype = xltypeNum;
  x.val.num = d;
  return x;
}

static void alert(const char *message) {
  XCHAR *w = utf8_to_counted(message, strlen(message), 255);
  if (!w) return;
  XLOPER12 text = xl_str(w), type = xl_num(2), res;
  LPXLOPER12 ops[2] = {&text, &type};
  memset(&res, 0, sizeof res);
  excel12v(xlcAlert, &res, 2, ops);
  free(w);
}

/* ------------------------------------------------------------------ metadata */

static void free_functions(void) {
  for (int i = 0; i < g_nfns; i++) {
    gx_function *f = &g_fns[i];
    free(f->name); free(f->wname); free(f->type_text); free(f->arg_text); free(f->category); free(f->help);
    if (f->arg_help) for (int k = 0; k < f->arity; k++) free(f->arg_help[k]);
    free(f->arg_help);
  }
  free(g_fns);
  g_fns = NULL;
  g_nfns = 0;
}

/* Splits line into at most max tab-separated fields (in place). */
static int split_tabs(char *line, char **fields, int max) {
  int n = 0;
  fields[n++] = line;
  for (char *p = line; *p && n < max; p++) {
    if (*p == '\t') { *p = 0; fields[n++] = p + 1; }
  }
  return n;
}

static XCHAR *field16(const char *s) { return utf8_to_counted(s, strlen(s), 255); }

/* Parses the metadata written by org.gammaxl.xll.RegistrationExporter. Returns 0 on success. */
static int load_metadata(const char *path, char *why, size_t whyn) {
  size_t size;
  char *text = read_file(path, &size);
  if (!text) { snprintf(why, whyn, "cannot read %s", path); return -1; }
  int count = -1, cur = -1, ah = 0, ok = 0, line_no = 0;
  char *save = text;
  while (save && *save) {
    char *line = save;
    char *nl = strchr(line, '\n');
    if (nl) { *nl = 0; save = nl + 1; } else save = NULL;
    line_no++;
    size_t L = strlen(line);
    if (L && line[L - 1] == '\r') line[L - 1] = 0;
    char *f[9];
    int nf = split_tabs(line, f, 9);
    if (line_no == 1) {
      if (nf < 2 || strcmp(f[0], "GAMMAXL-XLL") != 0 || strcmp(f[1], "1") != 0) {
        snprintf(why, whyn, "%s is not GammaXL metadata version 1", path);
        break;
      }
    } else if (strcmp(f[0], "COUNT") == 0 && nf == 2 && count < 0) {
      count = atoi(f[1]);
      if (count < 0 || count > GX_SLOTS) { snprintf(why, whyn, "bad COUNT %d", count); break; }
      g_fns = calloc(count ? (size_t)count : 1, sizeof *g_fns);
      if (!g_fns) { snprintf(why, whyn, "out of memory"); break; }
    } else if (strcmp(f[0], "FN") == 0 && nf == 8 && g_fns && cur + 1 < count) {
      if (cur >= 0 && ah != g_fns[cur].arity) { snprintf(why, whyn, "line %d: missing argument help", line_no); break; }
      gx_function *fn = &g_fns[++cur];
      g_nfns = cur + 1;
      fn->slot = -1;
      fn->java_index = -1;
      fn->name = strdup(f[1]);
      fn->wname = field16(f[1]);
      fn->type_text = field16(f[2]);
      fn->arg_text = field16(f[3]);
      fn->category = field16(f[4]);
      fn->help = field16(f[5]);
      fn->fast = strcmp(f[6], "1") == 0;
      fn->arity = atoi(f[7]);
      if (fn->arity < 0 || fn->arity > 245) { snprintf(why, whyn, "line %d: bad arity", line_no); break; }
      fn->arg_help = calloc(fn->arity ? (size_t)fn->arity : 1, sizeof(XCHAR *));
      ah = 0;
      if (!fn->name || !fn->wname || !fn->type_text || !fn->arg_text || !fn->category || !fn->help || !fn->arg_help) {
        snprintf(why, whyn, "out of memory");
        break;
      }
    } else if (strcmp(f[0], "AH") == 0 && cur >= 0 && ah < g_fns[cur].arity) {
      /* the help text may itself contain no tab: rejoin is not needed */
      g_fns[cur].arg_help[ah++] = field16(nf > 1 ? f[1] : "");
    } else if (strcmp(f[0], "END") == 0) {
      if (cur + 1 == count && (cur < 0 || ah == g_fns[cur].arity)) ok = 1;
      else snprintf(why, whyn, "metadata ends after %d of %d functions", cur + 1, count);
      break;
    } else if (line[0] != 0) {
      snprintf(why, whyn, "line %d not understood", line_no);
      break;
    }
  }
  free(text);
  if (!ok) {
    if (!why[0]) snprintf(why, whyn, "metadata truncated");
    free_functions();
    return -1;
  }
  return 0;
}

/* ------------------------------------------------------------------ configuration */

static void free_config(void) {
  free(g_cfg_runtime); free(g_cfg_classpath);
  for (int i = 0; i < g_cfg_noptions; i++) free(g_cfg_options[i]);
  free(g_cfg_options);
  free(g_cfg_calls);
  g_cfg_runtime = g_cfg_classpath = g_cfg_calls = NULL;
  g_cfg_options = NULL;
  g_cfg_noptions = 0;
}

/* gammaxl.cfg: "key = value" lines; keys runtime, classpath (';'-separated), option (repeatable), log,
   calls (auto: a foreign-function upcall on Java 22+, else JNI; jni: always JNI). */
static void load_config(const char *path) {
  size_t size;
  char *text = read_file(path, &size);
  if (!text) return;
  char *save = text;
  while (save && *save) {
    char *line = save;
    char *nl = strchr(line, '\n');
    if (nl) { *nl = 0; save = nl + 1; } else save = NULL;
    line = trim(line);
    if (!*line || *line == '#') continue;
    char *eq = strchr(line, '=');
    if (!eq) continue;
    *eq = 0;
    char *key = trim(line), *value = trim(eq + 1);
    if (strcmp(key, "runtime") == 0) { free(g_cfg_runtime); g_cfg_runtime = strdup(value); }
    else if (strcmp(key, "classpath") == 0) { free(g_cfg_classpath); g_cfg_classpath = strdup(value); }
    else if (strcmp(key, "log") == 0) { free(g_log_path); g_log_path = join_path(g_dir, value); }
    else if (strcmp(key, "calls") == 0) { free(g_cfg_calls); g_cfg_calls = strdup(value); }
    else if (strcmp(key, "option") == 0) {
      char **o = realloc(g_cfg_options, sizeof(char *) * (g_cfg_noptions + 1));
      if (o) { g_cfg_options = o; g_cfg_options[g_cfg_noptions++] = strdup(value); }
    }
  }
  free(text);
}

/* ------------------------------------------------------------------ runtime discovery */

static int java_major(const char *home) {
  char *p = join_path(home, "release");
  size_t n;
  char *text = p ? read_file(p, &n) : NULL;
  free(p);
  if (!text) return 0;
  int major = 0;
  char *v = strstr(text, "JAVA_VERSION=\"");
  if (v) {
    v += 14;
    major = atoi(v);
    if (major == 1) major = atoi(v + 2); /* 1.8 */
  }
  free(text);
  return major;
}

static void append(char *buf, size_t n, const char *fmt, ...) {
  size_t len = strlen(buf);
  if (len >= n - 1) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf + len, n - len, fmt, ap);
  va_end(ap);
}

/* Tries one Java home; returns 1 when its JVM library is loaded. */
static int try_home(const char *label, const char *home, char *tried, size_t triedn) {
#ifdef _WIN32
  static const char *libs[] = {"bin\\server\\jvm.dll", "jre\\bin\\server\\jvm.dll"};
#else
  static const char *libs[] = {"lib/server/libjvm.so", "jre/lib/amd64/server/libjvm.so"};
#endif
  if (!home || !*home) { append(tried, triedn, "; %s: not set", label); return 0; }
  int major = java_major(home);
  if (major > 0 && major < 17) { append(tried, triedn, "; %s: %s is Java %d (17+ needed)", label, home, major); return 0; }
  for (int i = 0; i < 2; i++) {
    char *lib = join_path(home, libs[i]);
    if (!lib) return 0;
    if (gx_file_exists(lib)) {
      const char *why = "";
      void *h = gx_lib_open(lib, &why);
      if (h) {
        g_create_vm = (create_vm_fn)gx_lib_sym(h, "JNI_CreateJavaVM");
        g_created_vms = (created_vms_fn)gx_lib_sym(h, "JNI_GetCreatedJavaVMs");
        if (g_create_vm && g_created_vms) {
          g_jvm_lib = h;
          g_jvm_path = lib;
          gx_log("runtime: %s (%s)", lib, label);
          return 1;
        }
        why = "no JNI_CreateJavaVM";
      }
      append(tried, triedn, "; %s: %s (%s)", label, lib, why);
      free(lib);
      return 0;
    }
    free(lib);
  }
  append(tried, triedn, "; %s: no JVM in %s", label, home);
  return 0;
}

#ifdef _WIN32
static char *registry_java_home(HKEY root, const wchar_t *key) {
  wchar_t ver[128], sub[512], home[1024];
  DWORD n = sizeof ver;
  if (RegGetValueW(root, key, L"CurrentVersion", RRF_RT_REG_SZ, NULL, ver, &n) != ERROR_SUCCESS) return NULL;
  _snwprintf(sub, 512, L"%ls\\%ls", key, ver);
  sub[511] = 0;
  n = sizeof home;
  if (RegGetValueW(root, sub, L"JavaHome", RRF_RT_REG_SZ, NULL, home, &n) != ERROR_SUCCESS) return NULL;
  int m = WideCharToMultiByte(CP_UTF8, 0, home, -1, NULL, 0, NULL, NULL);
  char *s = malloc(m > 0 ? m : 1);
  if (s) WideCharToMultiByte(CP_UTF8, 0, home, -1, s, m, NULL, NULL);
  return s;
}
#endif

/* Runtime search: the configured runtime, a "jre" folder beside the add-in, JAVA_HOME, the registry. */
static int find_runtime(char *tried, size_t triedn) {
  tried[0] = 0;
  if (g_jvm_lib) return 1;
  if (g_cfg_runtime) {
    char *home = join_path(g_dir, g_cfg_runtime);
    int ok = try_home("configured runtime", home, tried, triedn);
    free(home);
    if (ok) return 1;
  }
  char *beside = join_path(g_dir, "jre");
  int ok = try_home("runtime beside the add-in", beside, tried, triedn);
  free(beside);
  if (ok) return 1;
  char *jh = gx_getenv("JAVA_HOME");
  ok = try_home("JAVA_HOME", jh, tried, triedn);
  free(jh);
  if (ok) return 1;
#ifdef _WIN32
  static const wchar_t *keys[] = {L"SOFTWARE\\JavaSoft\\JDK", L"SOFTWARE\\JavaSoft\\JRE",
                                  L"SOFTWARE\\JavaSoft\\Java Runtime Environment",
                                  L"SOFTWARE\\JavaSoft\\Java Development Kit"};
  int any = 0;
  for (int r = 0; r < 2; r++) {
    for (int k = 0; k < 4; k++) {
      char *home = registry_java_home(r == 0 ? HKEY_LOCAL_MACHINE : HKEY_CURRENT_USER, keys[k]);
      if (home) {
        any = 1;
        ok = try_home("registry", home, tried, triedn);
        free(home);
        if (ok) return 1;
      }
    }
  }
  if (!any) append(tried, triedn, "; registry: no JavaSoft entry");
#endif
  return 0;
}

/* ------------------------------------------------------------------ JVM start (background) */

static jclass global_class(JNIEnv *env, const char *name) {
  jclass c = (*env)->FindClass(env, name);
  if (!c) return NULL;
  jclass g = (*env)->NewGlobalRef(env, c);
  (*env)->DeleteLocalRef(env, c);
  return g;
}

static jobject global_static(JNIEnv *env, jclass c, const char *name, const char *sig, jint arg, int with_arg) {
  jmethodID m = (*env)->GetStaticMethodID(env, c, name, sig);
  if (!m) return NULL;
  jobject o = with_arg ? (*env)->CallStaticObjectMethod(env, c, m, arg) : (*env)->CallStaticObjectMethod(env, c, m);
  if (!o || (*env)->ExceptionCheck(env)) return NULL;
  jobject g = (*env)->NewGlobalRef(env, o);
  (*env)->DeleteLocalRef(env, o);
  return g;
}

static void describe_exception(JNIEnv *env, char *buf, size_t n) {
  jthrowable t = (*env)->ExceptionOccurred(env);
  (*env)->ExceptionClear(env);
  snprintf(buf, n, "unknown exception");
  if (!t) return;
  jclass c = (*env)->FindClass(env, "java/lang/Object");
  jmethodID m = c ? (*env)->GetMethodID(env, c, "toString", "()Ljava/lang/String;") : NULL;
  jstring s = m ? (jstring)(*env)->CallObjectMethod(env, t, m) : NULL;
  if (s && !(*env)->ExceptionCheck(env)) {
    const char *u = (*env)->GetStringUTFChars(env, s, NULL);
    if (u) { snprintf(buf, n, "%s", u); (*env)->ReleaseStringUTFChars(env, s, u); }
  }
  (*env)->ExceptionClear(env);
}

static int init_cache(JNIEnv *env, char *why, size_t whyn) {
  memset(&J, 0, sizeof J);
  J.bridge = global_class(env, BRIDGE_CLASS);
  J.dbl = global_class(env, "java/lang/Double");
  J.str = global_class(env, "java/lang/String");
  J.boolean = global_class(env, "java/lang/Boolean");
  J.error = global_class(env, "org/gammaxl/sheet/ExcelError");
  J.empty = global_class(env, "org/gammaxl/sheet/Empty");
  J.object = global_class(env, "java/lang/Object");
  J.object_array = global_class(env, "[Ljava/lang/Object;");
  if (!J.bridge || !J.dbl || !J.str || !J.boolean || !J.error || !J.empty || !J.object || !J.object_array) {
    char ex[512];
    describe_exception(env, ex, sizeof ex);
    snprintf(why, whyn, "bridge classes not found on the class path (%s)", ex);
    return -1;
  }
  J.call_slot = (*env)->GetStaticMethodID(env, J.bridge, "callSlot", "(IIIJ)D");
  J.attach = (*env)->GetStaticMethodID(env, J.bridge, "attach", "(Ljava/nio/ByteBuffer;)I");
  J.upcall = (*env)->GetStaticMethodID(env, J.bridge, "upcall", "(Ljava/lang/String;)J");
  J.upcall8 = (*env)->GetStaticMethodID(env, J.bridge, "upcallValues", "()J");
  J.call = (*env)->GetStaticMethodID(env, J.bridge, "call", "(I[Ljava/lang/Object;)Ljava/lang/Object;");
  J.text_number = (*env)->GetStaticMethodID(env, J.bridge, "textAsNumber", "(IILjava/lang/String;)D");
  J.error_code = (*env)->GetStaticMethodID(env, J.bridge, "errorCode", "(Ljava/lang/Object;)I");
  J.log = (*env)->GetStaticMethodID(env, J.bridge, "logFromShim", "(Ljava/lang/String;)V");
  J.value_of = (*env)->GetStaticMethodID(env, J.dbl, "valueOf", "(D)Ljava/lang/Double;");
  J.double_value = (*env)->GetMethodID(env, J.dbl, "doubleValue", "()D");
  J.boolean_value = (*env)->GetMethodID(env, J.boolean, "booleanValue", "()Z");
  if (!J.call_slot || !J.attach || !J.upcall || !J.upcall8 || !J.call || !J.text_number || !J.error_code || !J.log || !J.value_of || !J.double_value || !J.boolean_value) {
    char ex[512];
    describe_exception(env, ex, sizeof ex);
    snprintf(why, whyn, "bridge methods not found (%s)", ex);
    return -1;
  }
  jfieldID ft = (*env)->GetStaticFieldID(env, J.boolean, "TRUE", "Ljava/lang/Boolean;");
  jfieldID ff = (*env)->GetStaticFieldID(env, J.boolean, "FALSE", "Ljava/lang/Boolean;");
  jobject t = ft ? (*env)->GetStaticObjectField(env, J.boolean, ft) : NULL;
  jobject f = ff ? (*env)->GetStaticObjectField(env, J.boolean, ff) : NULL;
  J.t = t ? (*env)->NewGlobalRef(env, t) : NULL;
  J.f = f ? (*env)->NewGlobalRef(env, f) : NULL;
  J.missing = global_static(env, J.bridge, "missing", "()Ljava/lang/Object;", 0, 0);
  J.blank = global_static(env, J.bridge, "blank", "()Ljava/lang/Object;", 0, 0);
  for (int c = 0; c < 44; c++) J.err[c] = global_static(env, J.bridge, "error", "(I)Ljava/lang/Object;", c, 1);
  for (int c = 0; c < 44; c++) {
    if (!J.err[c]) { snprintf(why, whyn, "bridge error values unavailable"); return -1; }
  }
  if (!J.t || !J.f || !J.missing || !J.blank) { snprintf(why, whyn, "bridge constants unavailable"); return -1; }
  return 0;
}

static void free_cache(JNIEnv *env) {
  jobject *refs[] = {(jobject *)&J.bridge, (jobject *)&J.dbl, (jobject *)&J.str, (jobject *)&J.boolean,
                     (jobject *)&J.error, (jobject *)&J.empty, (jobject *)&J.object, (jobject *)&J.object_array,
                     &J.t, &J.f, &J.missing, &J.blank};
  for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
    if (*refs[i]) (*env)->DeleteGlobalRef(env, *refs[i]);
  }
  for (int c = 0; c < 44; c++) if (J.err[c]) (*env)->DeleteGlobalRef(env, J.err[c]);
  memset(&J, 0, sizeof J);
}

static void start_jvm(void *unused) {
  (void)unused;
  char why[1024] = "";
  JNIEnv *env = NULL;
  JavaVM *vm = NULL;
  jsize n = 0;
  int created = 0;
  if (g_created_vms(&vm, 1, &n) == JNI_OK && n > 0) {
    if ((*vm)->AttachCurrentThread(vm, (void **)&env, NULL) != JNI_OK) { snprintf(why, sizeof why, "cannot attach to the running JVM"); goto fail; }
    gx_log("reusing the JVM already running in this process");
  } else {
    char *cp = NULL;
    const char *cfg = g_cfg_classpath ? g_cfg_classpath : "lib/gammaxl.jar";
    size_t cpn = strlen("-Djava.class.path=") + 1;
    {
      /* each ';'-separated entry resolved against the add-in folder */
      char *copy = strdup(cfg);
      char *tok = copy ? strtok(copy, ";") : NULL;
      size_t cap = 4096;
      cp = malloc(cap);
      if (!cp) { free(copy); snprintf(why, sizeof why, "out of memory"); goto fail; }
      snprintf(cp, cap, "-Djava.class.path=");
      int first = 1;
      while (tok) {
        char *e = join_path(g_dir, trim(tok));
        if (e) {
          size_t need = strlen(cp) + strlen(e) + 2;
          if (need > cap) { cap = need * 2; char *ncp = realloc(cp, cap); if (!ncp) { free(e); break; } cp = ncp; }
          if (!first) strcat(cp, GX_CP_SEP);
          strcat(cp, e);
          first = 0;
          free(e);
        }
        tok = strtok(NULL, ";");
      }
      free(copy);
      (void)cpn;
    }
    int nopt = g_cfg_noptions + 3;
    JavaVMOption *opts = calloc((size_t)nopt, sizeof *opts);
    if (!opts) { free(cp); snprintf(why, sizeof why, "out of memory"); goto fail; }
    opts[0].optionString = cp;
    opts[1].optionString = "-Xrs"; /* leave Ctrl-C and console signals to the host */
    /* the upcall stub is a restricted method: allowed without a warning (Java 17 accepts the flag too) */
    opts[2].optionString = "--enable-native-access=ALL-UNNAMED";
    for (int i = 0; i < g_cfg_noptions; i++) opts[3 + i].optionString = g_cfg_options[i];
    JavaVMInitArgs args;
    memset(&args, 0, sizeof args);
    args.version = JNI_VERSION_1_8;
    args.nOptions = nopt;
    args.options = opts;
    args.ignoreUnrecognized = JNI_FALSE;
    gx_log("starting JVM: %s", cp);
    jint rc = g_create_vm(&vm, (void **)&env, &args);
    free(opts);
    free(cp);
    if (rc != JNI_OK) { snprintf(why, sizeof why, "JNI_CreateJavaVM failed (%d): check the options in gammaxl.cfg", (int)rc); goto fail; }
    created = 1;
  }
  g_vm = vm;
  if (init_cache(env, why, sizeof why) != 0) goto fail_detach;
  {
    jmethodID start = (*env)->GetStaticMethodID(env, J.bridge, "start", "(Ljava/lang/String;)I");
    jmethodID bind = (*env)->GetStaticMethodID(env, J.bridge, "bind", "(Ljava/lang/String;)I");
    jstring lp = (*env)->NewStringUTF(env, g_log_path ? g_log_path : "");
    jint served = start && bind && lp ? (*env)->CallStaticIntMethod(env, J.bridge, start, lp) : -1;
    if ((*env)->ExceptionCheck(env) || served < 0) {
      char ex[512];
      describe_exception(env, ex, sizeof ex);
      snprintf(why, sizeof why, "bridge start failed: %s", ex);
      goto fail_detach;
    }
    (*env)->DeleteLocalRef(env, lp);
    int bound = 0;
    for (int i = 0; i < g_nfns; i++) {
      jstring s = (*env)->NewStringUTF(env, g_fns[i].name);
      g_fns[i].java_index = s ? (*env)->CallStaticIntMethod(env, J.bridge, bind, s) : -1;
      if ((*env)->ExceptionCheck(env)) { (*env)->ExceptionClear(env); g_fns[i].java_index = -1; }
      if (s) (*env)->DeleteLocalRef(env, s);
      if (g_fns[i].java_index >= 0) bound++;
      else gx_log("%s is registered but the Java catalogue does not serve it: it returns #N/A", g_fns[i].name);
    }
    jstring mode = (*env)->NewStringUTF(env, g_cfg_calls ? g_cfg_calls : "auto");
    jlong up = mode ? (*env)->CallStaticLongMethod(env, J.bridge, J.upcall, mode) : 0;
    if ((*env)->ExceptionCheck(env)) { (*env)->ExceptionClear(env); up = 0; }
    if (mode) (*env)->DeleteLocalRef(env, mode);
    g_upcall = (gx_upcall_fn)(intptr_t)up;
    jlong up8 = up ? (*env)->CallStaticLongMethod(env, J.bridge, J.upcall8) : 0;
    if ((*env)->ExceptionCheck(env)) { (*env)->ExceptionClear(env); up8 = 0; }
    g_upcall8 = (gx_upcall8_fn)(intptr_t)up8;
    gx_log("JVM %s in %ld ms; %d of %d registered functions bound (Java serves %d); fast calls by %s",
           created ? "started" : "attached", now_ms() - g_open_ms, bound, g_nfns, (int)served,
           g_upcall ? "foreign-function upcall" : "JNI");
  }
  (*vm)->DetachCurrentThread(vm);
  state_set(ST_READY);
  return;
fail_detach:
  if (J.bridge) free_cache(env);
  (*vm)->DetachCurrentThread(vm);
fail:
  gx_log("Java not started: %s", why);
  state_set(ST_FAILED);
}

/* ------------------------------------------------------------------ per-thread state */

#ifndef _WIN32
static pthread_key_t g_detach_key;
static int g_detach_key_ok;
static void detach_at_exit(void *p) {
  thread_state *ts = p;
  if (ts && ts->env && g_vm && state_get() != ST_CLOSED) (*g_vm)->DetachCurrentThread(g_vm);
}
#endif

static thread_state *attach_thread(void);

/* The calling thread's state, attached on its first call (and again after a reopening). */
static inline thread_state *this_thread(void) {
  thread_state *ts = t_state;
  return ts && t_generation == g_generation ? ts : attach_thread();
}

static thread_state *attach_thread(void) {
  if (t_state && t_generation == g_generation) return t_state;
  JNIEnv *env = NULL;
  if ((*g_vm)->AttachCurrentThreadAsDaemon(g_vm, (void **)&env, NULL) != JNI_OK) return NULL;
  thread_state *ts = calloc(1, sizeof *ts);
  if (!ts) return NULL;
  ts->env = env;
  jobject b = (*env)->NewDirectByteBuffer(env, ts->in, (jlong)sizeof ts->in);
  ts->inbuf = b ? (*env)->NewGlobalRef(env, b) : NULL;
  ts->slot = ts->inbuf ? (*env)->CallStaticIntMethod(env, J.bridge, J.attach, ts->inbuf) : -1;
  if (b) (*env)->DeleteLocalRef(env, b);
  if ((*env)->ExceptionCheck(env) || ts->slot < 0) {
    (*env)->ExceptionClear(env);
    if (ts->inbuf) (*env)->DeleteGlobalRef(env, ts->inbuf);
    free(ts);
    return NULL;
  }
  gx_lock(&g_mutex);
  ts->next = g_threads;
  g_threads = ts;
  gx_unlock(&g_mutex);
#ifndef _WIN32
  if (g_detach_key_ok) pthread_setspecific(g_detach_key, ts);
#endif
  t_state = ts;
  t_generation = g_generation;
  return ts;
}

static XLOPER12 g_na_result = {{.err = xlerrNA}, xltypeErr};

static LPXLOPER12 err_result(thread_state *ts, int code) {
  memset(&ts->result, 0, sizeof ts->result);
  ts->result.xltype = xltypeErr;
  ts->result.val.err = code;
  return &ts->result;
}

/* ------------------------------------------------------------------ marshalling */

static jobject to_java(JNIEnv *env, const XLOPER12 *x, int depth) {
  switch (x->xltype & GX_TYPE_MASK) {
  case xltypeNum:
  case xltypeInt: {
    double d = (x->xltype & GX_TYPE_MASK) == xltypeNum ? x->val.num : (double)x->val.w;
    jobject o = (*env)->CallStaticObjectMethod(env, J.dbl, J.value_of, d);
    return (*env)->ExceptionCheck(env) ? NULL : o;
  }
  case xltypeStr: {
    if (!x->val.str) return (*env)->NewLocalRef(env, J.err[xlerrValue]);
    return (*env)->NewString(env, (const jchar *)(x->val.str + 1), x->val.str[0]);
  }
  case xltypeBool: return (*env)->NewLocalRef(env, x->val.xbool ? J.t : J.f);
  case xltypeErr: {
    int c = x->val.err;
    return (*env)->NewLocalRef(env, J.err[c >= 0 && c < 44 ? c : xlerrNA]);
  }
  case xltypeMissing: return (*env)->NewLocalRef(env, J.missing);
  case xltypeNil: return (*env)->NewLocalRef(env, J.blank);
  case xltypeMulti: {
    int rows = x->val.array.rows, cols = x->val.array.columns;
    if (depth > 0 || !x->val.array.lparray || rows <= 0 || cols <= 0 || rows > GX_MAX_ROWS || cols > GX_MAX_COLS) {
      return (*env)->NewLocalRef(env, J.err[xlerrValue]);
    }
    jobjectArray outer = (*env)->NewObjectArray(env, rows, J.object_array, NULL);
    if (!outer) return NULL;
    for (int r = 0; r < rows; r++) {
      jobjectArray row = (*env)->NewObjectArray(env, cols, J.object, NULL);
      if (!row) return NULL;
      for (int c = 0; c < cols; c++) {
        jobject v = to_java(env, &x->val.array.lparray[(size_t)r * cols + c], depth + 1);
        if (!v) return NULL;
        (*env)->SetObjectArrayElement(env, row, c, v);
        (*env)->DeleteLocalRef(env, v);
      }
      (*env)->SetObjectArrayElement(env, outer, r, row);
      (*env)->DeleteLocalRef(env, row);
    }
    return outer;
  }
  default: /* references, flow, big data: never sent for type Q */
    return (*env)->NewLocalRef(env, J.err[xlerrValue]);
  }
}

static void free_payload(XLOPER12 *x) {
  int t = x->xltype & GX_TYPE_MASK;
  if (t == xltypeStr) {
    free(x->val.str);
  } else if (t == xltypeMulti && x->val.array.lparray) {
    size_t n = (size_t)x->val.array.rows * (size_t)x->val.array.columns;
    for (size_t i = 0; i < n; i++) {
      if ((x->val.array.lparray[i].xltype & GX_TYPE_MASK) == xltypeStr) free(x->val.array.lparray[i].val.str);
    }
    free(x->val.array.lparray);
  }
  x->xltype = xltypeNil;
}

static void set_err(XLOPER12 *x, int code) {
  x->xltype = xltypeErr;
  x->val.err = code;
}

/* Converts a normalized bridge result into *out; returns 0, or -1 if a Java exception is pending. */
static int from_java(JNIEnv *env, jobject o, XLOPER12 *out, int depth) {
  memset(out, 0, sizeof *out);
  if (!o) { set_err(out, xlerrNA); return 0; }
  if ((*env)->IsInstanceOf(env, o, J.dbl)) {
    double d = (*env)->CallDoubleMethod(env, o, J.double_value);
    if ((*env)->ExceptionCheck(env)) return -1;
    if (isfinite(d)) { out->xltype = xltypeNum; out->val.num = d; }
    else set_err(out, xlerrNum);
  } else if ((*env)->IsInstanceOf(env, o, J.str)) {
    jsize n = (*env)->GetStringLength(env, o);
    if (n > GX_MAX_STR) n = GX_MAX_STR;
    XCHAR *s = malloc(sizeof(XCHAR) * ((size_t)n + 1));
    if (!s) { set_err(out, xlerrValue); return 0; }
    s[0] = (XCHAR)n;
    (*env)->GetStringRegion(env, o, 0, n, (jchar *)(s + 1));
    if ((*env)->ExceptionCheck(env)) { free(s); out->xltype = xltypeNil; return -1; }
    out->xltype = xltypeStr | (depth == 0 ? xlbitDLLFree : 0);
    out->val.str = s;
  } else if ((*env)->IsInstanceOf(env, o, J.boolean)) {
    out->xltype = xltypeBool;
    out->val.xbool = (*env)->CallBooleanMethod(env, o, J.boolean_value) ? 1 : 0;
    if ((*env)->ExceptionCheck(env)) return -1;
  } else if ((*env)->IsInstanceOf(env, o, J.error)) {
    set_err(out, (*env)->CallStaticIntMethod(env, J.bridge, J.error_code, o));
    if ((*env)->ExceptionCheck(env)) return -1;
  } else if ((*env)->IsInstanceOf(env, o, J.empty)) {
    out->xltype = xltypeNil;
  } else if (depth == 0 && (*env)->IsInstanceOf(env, o, J.object_array)) {
    jsize rows = (*env)->GetArrayLength(env, o);
    jobjectArray first = rows > 0 ? (*env)->GetObjectArrayElement(env, o, 0) : NULL;
    jsize cols = first ? (*env)->GetArrayLength(env, first) : 0;
    if (first) (*env)->DeleteLocalRef(env, first);
    if (rows <= 0 || cols <= 0 || rows > GX_MAX_ROWS || cols > GX_MAX_COLS || (size_t)rows * cols > (1u << 24)) {
      set_err(out, rows <= 0 || cols <= 0 ? xlerrNA : xlerrNum);
      return (*env)->ExceptionCheck(env) ? -1 : 0;
    }
    XLOPER12 *cells = calloc((size_t)rows * cols, sizeof(XLOPER12));
    if (!cells) { set_err(out, xlerrNum); return 0; }
    out->xltype = xltypeMulti | xlbitDLLFree;
    out->val.array.lparray = cells;
    out->val.array.rows = rows;
    out->val.array.columns = cols;
    for (jsize r = 0; r < rows; r++) {
      jobjectArray row = (*env)->GetObjectArrayElement(env, o, r);
      jsize rc = row ? (*env)->GetArrayLength(env, row) : 0;
      for (jsize c = 0; c < cols; c++) {
        XLOPER12 *cell = &cells[(size_t)r * cols + c];
        if (c >= rc) { set_err(cell, xlerrNA); continue; }
        jobject v = (*env)->GetObjectArrayElement(env, row, c);
        int rcode = from_java(env, v, cell, depth + 1);
        if (v) (*env)->DeleteLocalRef(env, v);
        if (rcode != 0) { (*env)->DeleteLocalRef(env, row); free_payload(out); return -1; }
      }
      if (row) (*env)->DeleteLocalRef(env, row);
    }
  } else {
    set_err(out, xlerrValue);
  }
  return (*env)->ExceptionCheck(env) ? -1 : 0;
}

static void log_call_failure(gx_function *f, JNIEnv *env) {
  char ex[512];
  describe_exception(env, ex, sizeof ex);
  long n = __atomic_add_fetch(&f->errors, 1, __ATOMIC_RELAXED);
  if (n <= 20 || n % 10000 == 0) gx_log("%s: Java failure #%ld: %s -> #VALUE!", f->name, n, ex);
}

/* Whether the len UTF-16 units at a and b are the same (keys are a few units: a loop, not a call of memcmp). */
static inline int same_text(const XCHAR *a, const XCHAR *b, unsigned len) {
  for (unsigned i = 0; i < len; i++) {
    if (a[i] != b[i]) return 0;
  }
  return 1;
}

/* The set of the per-thread text cache that holds text s of argument arg of function f: from the function, the
   position, the length and the first and last units, without a loop over the text (the keys are keywords such as
   C, PUT or BLACK76, which these tell apart). */
static inline text_entry *text_set(thread_state *ts, gx_function *f, int arg, const XCHAR *s, unsigned len) {
  uint32_t h = ((uint32_t)f->java_index * 0x9E3779B1u) ^ ((uint32_t)arg * 0x85EBCA77u) ^ (len * 0xC2B2AE3Du) ^
               (len ? (uint32_t)s[1] * 0x27D4EB2Fu ^ (uint32_t)s[len] * 0x165667B1u : 0);
  return ts->text[(h ^ (h >> 15) ^ (h >> 26)) % GX_TEXT_SETS];
}

/* text_number from the cache alone: 1 with *out set, 0 for the general path, -1 when the cache does not know the
   text yet. No call, so that the fast path's values stay in registers around it. */
static inline int text_lookup(thread_state *ts, gx_function *f, int arg, const XCHAR *s, double *out) {
  if (!s || s[0] > GX_TEXT_KEY_MAX) return 0;
  unsigned len = s[0];
  text_entry *set = text_set(ts, f, arg, s, len);
  for (int w = 0; w < GX_TEXT_WAYS; w++) {
    text_entry *e = &set[w];
    if (e->used && e->len == len && e->fn == f->java_index && e->arg == arg && same_text(e->text, s + 1, len)) {
      ts->counters[C_TEXT_HITS]++;
      if (e->general) return 0;
      *out = e->value;
      return 1;
    }
  }
  return -1;
}

static int text_miss(thread_state *ts, JNIEnv *env, gx_function *f, int arg, const XCHAR *s, double *out);

/*
 * The numeric form of text s in argument arg of function f, from this thread's cache or, on a miss,
 * from one call of XllBridge.textAsNumber (whose answer is cached either way). Returns 1 with *out
 * set, or 0 when the call must take the general path. The shim never interprets the text itself.
 */
static int text_number(thread_state *ts, JNIEnv *env, gx_function *f, int arg, const XCHAR *s, double *out) {
  int known = text_lookup(ts, f, arg, s, out);
  return known >= 0 ? known : text_miss(ts, env, f, arg, s, out);
}

/* text_number's miss: one call of XllBridge.textAsNumber, its answer cached in set. */
static int text_miss(thread_state *ts, JNIEnv *env, gx_function *f, int arg, const XCHAR *s, double *out) {
  unsigned len = s[0];
  text_entry *set = text_set(ts, f, arg, s, len);
  ts->counters[C_TEXT_MISSES]++;
  jstring js = (*env)->NewString(env, (const jchar *)(s + 1), (jsize)len);
  if (!js) { (*env)->ExceptionClear(env); return 0; }
  double d = (*env)->CallStaticDoubleMethod(env, J.bridge, J.text_number, f->java_index, (jint)arg, js);
  (*env)->DeleteLocalRef(env, js);
  if ((*env)->ExceptionCheck(env)) { log_call_failure(f, env); return 0; } /* not cached: may be transient */
  uint64_t bits;
  memcpy(&bits, &d, sizeof bits);
  text_entry *e = NULL;
  for (int w = 0; w < GX_TEXT_WAYS && !e; w++) if (!set[w].used) e = &set[w];
  if (!e) {
    e = &set[ts->victim++ % GX_TEXT_WAYS];
    ts->counters[C_TEXT_EVICTIONS]++;
  }
  e->used = 1;
  e->fn = f->java_index;
  e->arg = (uint16_t)arg;
  e->len = (uint16_t)len;
  memcpy(e->text, s + 1, len * sizeof(XCHAR));
  e->general = bits == JAVA_NAN;
  e->value = d;
  if (e->general) return 0;
  *out = d;
  return 1;
}

/* A call's result as Excel's value: a finite number, else the error a tagged NaN carries (#NUM! otherwise). */
static LPXLOPER12 number_result(thread_state *ts, double r) {
  if (isfinite(r)) {
    ts->result.xltype = xltypeNum;
    ts->result.val.num = r;
    return &ts->result;
  }
  uint64_t bits;
  memcpy(&bits, &r, sizeof bits);
  return err_result(ts, (bits & NAN_TAG_MASK) == NAN_TAG ? (int)(bits & 0xFF) : xlerrNum);
}

static LPXLOPER12 dispatch_general(int slot, LPXLOPER12 *argv, int argc);

LPXLOPER12 gx_dispatch(int slot, LPXLOPER12 *argv, int argc);

/* Reads the fast path's arguments (at most eight) into v[] and the missing mask: numbers, missing ones, and texts
   the per-thread cache already knows a number for. Answers how many texts it read, or -1 for an argument the fast
   path does not take (dispatch_general takes it, and teaches the cache a new text). Straight-line code without
   calls: v[] stays in the registers the upcall passes it in. */
static inline __attribute__((always_inline)) int read_fast(thread_state *ts, gx_function *f, LPXLOPER12 *argv,
                                                           int argc, double *v, jlong *mask) {
  int texts = 0;
  *mask = 0;
#pragma GCC unroll 8
  for (int i = 0; i < 8; i++) {
    if (i >= argc) { v[i] = 0; continue; }
    uint32_t t = argv[i]->xltype & GX_TYPE_MASK;
    v[i] = argv[i]->val.num; /* any bits for a missing one: ignored */
    if (t == xltypeMissing) {
      *mask |= (jlong)1 << i;
    } else if (t != xltypeNum) {
      if (t != xltypeStr || text_lookup(ts, f, i, argv[i]->val.str, &v[i]) != 1) return -1;
      texts++;
    }
  }
  return texts;
}

/* Every stub's entry. The common call (at most eight arguments, each a number, missing, or a text the per-thread
   cache knows a number for; Java reached by the upcall) is read here in as few instructions as the marshalling
   allows: a worksheet call's cost is mostly the instructions on its way, the crossing into Java included.
   Anything else goes to dispatch_general, which handles every call (and answers this one the same way). */
LPXLOPER12 gx_dispatch(int slot, LPXLOPER12 *argv, int argc) {
  gx_upcall8_fn up = g_upcall8;
  /* Excel passes every registered argument: trailing ones left out (GX.PRICE's dividend ranges) keep no call off
     the eight registers */
  while (argc > 8 && (argv[argc - 1]->xltype & GX_TYPE_MASK) == xltypeMissing) argc--;
  if (!up || argc > 8 || state_get() != ST_READY || (unsigned)slot >= GX_SLOTS) {
    return dispatch_general(slot, argv, argc);
  }
  int fi = g_slot_fn[slot];
  if (fi < 0 || fi >= g_nfns || !g_fns[fi].fast || g_fns[fi].java_index < 0) {
    return dispatch_general(slot, argv, argc);
  }
  thread_state *ts = this_thread();
  if (!ts || (ts->result.xltype & xlbitDLLFree)) return dispatch_general(slot, argv, argc);
  double v[8];
  jlong mask;
  int texts = read_fast(ts, &g_fns[fi], argv, argc, v, &mask);
  if (texts < 0) return dispatch_general(slot, argv, argc);
  ts->last_path = texts ? PATH_NUMERIC_TEXT : PATH_NUMERIC;
  ts->counters[texts ? C_NUMERIC_TEXT : C_NUMERIC]++;
  /* callValues never throws; unused values are ignored */
  return number_result(ts, up(g_fns[fi].java_index, ts->slot, argc, mask, v[0], v[1], v[2], v[3], v[4], v[5], v[6],
                              v[7]));
}

static LPXLOPER12 dispatch_general(int slot, LPXLOPER12 *argv, int argc) {
  if (state_get() != ST_READY || slot < 0 || slot >= GX_SLOTS) return &g_na_result;
  int fi = g_slot_fn[slot];
  if (fi < 0 || fi >= g_nfns) return &g_na_result;
  gx_function *f = &g_fns[fi];
  if (f->java_index < 0) return &g_na_result;
  thread_state *ts = this_thread();
  if (!ts) return &g_na_result;
  JNIEnv *env = ts->env;
  /* Excel frees a result before the thread evaluates another cell; be safe if a host does not. */
  if (ts->result.xltype & xlbitDLLFree) free_payload(&ts->result);

  if (f->fast && argc <= GX_FAST_MAX) {
    double *vals = ts->in;
    jlong mask = 0;
    int numeric = 1, texts = 0;
    for (int i = 0; i < argc; i++) {
      uint32_t t = argv[i]->xltype & GX_TYPE_MASK;
      if (t == xltypeNum) vals[i] = argv[i]->val.num;
      else if (t == xltypeMissing) { vals[i] = 0; mask |= (jlong)1 << i; }
      else if (t == xltypeStr && text_number(ts, env, f, i, argv[i]->val.str, &vals[i])) texts++;
      else { numeric = 0; break; }
    }
    if (numeric) {
      ts->last_path = texts ? PATH_NUMERIC_TEXT : PATH_NUMERIC;
      ts->counters[texts ? C_NUMERIC_TEXT : C_NUMERIC]++;
      double r;
      if (g_upcall8 && argc <= 8) { /* callValues never throws; unused values are ignored */
        r = g_upcall8(f->java_index, ts->slot, argc, mask, vals[0], vals[1], vals[2], vals[3], vals[4], vals[5],
                      vals[6], vals[7]);
      } else if (g_upcall) {
        r = g_upcall(f->java_index, ts->slot, argc, mask); /* callSlot never throws */
      } else {
        r = (*env)->CallStaticDoubleMethod(env, J.bridge, J.call_slot, f->java_index, ts->slot, argc, mask);
        if ((*env)->ExceptionCheck(env)) { log_call_failure(f, env); return err_result(ts, xlerrValue); }
      }
      return number_result(ts, r);
    }
  }

  ts->last_path = PATH_GENERAL;
  ts->counters[C_GENERAL]++;
  if ((*env)->PushLocalFrame(env, 16) != 0) { (*env)->ExceptionClear(env); return err_result(ts, xlerrValue); }
  LPXLOPER12 ret;
  jobjectArray args = (*env)->NewObjectArray(env, argc, J.object, NULL);
  int ok = args != NULL;
  for (int i = 0; ok && i < argc; i++) {
    jobject v = to_java(env, argv[i], 0);
    if (!v) { ok = 0; break; }
    (*env)->SetObjectArrayElement(env, args, i, v);
    (*env)->DeleteLocalRef(env, v);
  }
  if (!ok) {
    log_call_failure(f, env);
    ret = err_result(ts, xlerrValue);
  } else {
    jobject r = (*env)->CallStaticObjectMethod(env, J.bridge, J.call, f->java_index, args);
    if ((*env)->ExceptionCheck(env)) {
      log_call_failure(f, env);
      ret = err_result(ts, xlerrValue);
    } else if (from_java(env, r, &ts->result, 0) != 0) {
      log_call_failure(f, env);
      ret = err_result(ts, xlerrValue);
    } else {
      ret = &ts->result;
    }
  }
  (*env)->PopLocalFrame(env, NULL);
  return ret;
}

#include "stubs.inc"

/* ------------------------------------------------------------------ add-in manager interface */

GX_EXPORT void xlAutoFree12(LPXLOPER12 x) {
  if (x && (x->xltype & xlbitDLLFree)) free_payload(x);
}

static void close_addin(void);

GX_EXPORT int xlAutoOpen(void) {
  if (state_get() != ST_CLOSED) close_addin();
  g_open_ms = now_ms();
  g_generation++;
  for (int i = 0; i < GX_SLOTS; i++) g_slot_fn[i] = -1;

  XLOPER12 module;
  memset(&module, 0, sizeof module);
  if (excel12v(xlGetName, &module, 0, NULL) != xlretSuccess || (module.xltype & GX_TYPE_MASK) != xltypeStr) {
    return 0;
  }
  char *path = counted_to_utf8(module.val.str);
  char *slash = path ? strrchr(path, '/') : NULL;
  char *bslash = path ? strrchr(path, '\\') : NULL;
  if (bslash > slash) slash = bslash;
  g_dir = slash ? (*slash = 0, strdup(path)) : strdup(".");
  free(path);
  g_log_path = join_path(g_dir, "gammaxl.log");
  char *cfg = join_path(g_dir, "gammaxl.cfg");
  load_config(cfg);
  g_log = g_log_path ? gx_fopen(g_log_path, "ab") : NULL;
  gx_log("xlAutoOpen: add-in folder %s, config %s%s", g_dir, cfg, gx_file_exists(cfg) ? "" : " (absent: defaults)");
  free(cfg);

  char why[1024] = "";
  char *meta = join_path(g_dir, "gammaxl.meta");
  if (load_metadata(meta, why, sizeof why) != 0) {
    gx_log("no functions registered: %s", why);
    char msg[1400];
    snprintf(msg, sizeof msg, "GammaXL: cannot register functions: %s", why);
    alert(msg);
    free(meta);
    LPXLOPER12 ops[1] = {&module};
    excel12v(xlFree, NULL, 1, ops);
    state_set(ST_FAILED);
    return 1;
  }
  free(meta);

  int used[GX_MAX_ARITY + 1] = {0};
  int registered = 0;
  XCHAR empty[1] = {0};
  for (int i = 0; i < g_nfns; i++) {
    gx_function *f = &g_fns[i];
    if (f->arity > GX_MAX_ARITY || used[f->arity] >= GX_POOL_OF(f->arity)) {
      gx_log("%s not registered: no free stub for %d arguments", f->name, f->arity);
      continue;
    }
    int j = used[f->arity]++;
    f->slot = GX_SLOT_BASE(f->arity) + j;
    g_slot_fn[f->slot] = i;
    char proc[32];
    snprintf(proc, sizeof proc, "gx%02d_%02d", f->arity, j);
    XCHAR *wproc = utf8_to_counted(proc, strlen(proc), 255);
    XLOPER12 ops_v[10 + 245];
    LPXLOPER12 ops[10 + 245];
    ops_v[0] = module;
    ops_v[1] = xl_str(wproc);
    ops_v[2] = xl_str(f->type_text);
    ops_v[3] = xl_str(f->wname);
    ops_v[4] = xl_str(f->arg_text);
    ops_v[5] = xl_num(1);
    ops_v[6] = xl_str(f->category);
    ops_v[7] = xl_str(empty);
    ops_v[8] = xl_str(empty);
    ops_v[9] = xl_str(f->help);
    for (int k = 0; k < f->arity; k++) ops_v[10 + k] = xl_str(f->arg_help[k]);
    for (int k = 0; k < 10 + f->arity; k++) ops[k] = &ops_v[k];
    XLOPER12 res;
    memset(&res, 0, sizeof res);
    int rc = wproc ? excel12v(xlfRegister, &res, 10 + f->arity, ops) : xlretFailed;
    free(wproc);
    if (rc == xlretSuccess && (res.xltype & GX_TYPE_MASK) == xltypeNum) {
      f->register_id = res.val.num;
      f->registered = 1;
      registered++;
    } else {
      gx_log("%s: xlfRegister failed (return code %d, result type 0x%x)", f->name, rc, (unsigned)res.xltype);
    }
  }
  LPXLOPER12 free_ops[1] = {&module};
  excel12v(xlFree, NULL, 1, free_ops);
  gx_log("registered %d of %d functions", registered, g_nfns);

#ifndef _WIN32
  g_detach_key_ok = pthread_key_create(&g_detach_key, detach_at_exit) == 0;
#endif
  char tried[2048];
  if (!find_runtime(tried, sizeof tried)) {
    const char *list = tried[0] == ';' ? tried + 2 : tried;
    gx_log("no usable Java runtime: %s", list);
    char msg[2400];
    snprintf(msg, sizeof msg,
             "GammaXL needs a 64-bit Java 17 or later. Looked for: %s. GX functions return #N/A until one is "
             "installed; details in %s",
             list, g_log_path ? g_log_path : "the log");
    alert(msg);
    state_set(ST_FAILED);
    return 1;
  }
  state_set(ST_STARTING);
  if (gx_thread_start(&g_start_thread, start_jvm, NULL) == 0) g_start_running = 1;
  else { gx_log("cannot start the JVM thread"); state_set(ST_FAILED); }
  return 1;
}

static void close_addin(void) {
  if (g_start_running) { gx_thread_join(g_start_thread); g_start_running = 0; }
  int was_ready = state_get() == ST_READY;
  state_set(ST_CLOSED);
  g_upcall = NULL;
  g_upcall8 = NULL;
  int unregistered = 0;
  for (int i = 0; i < g_nfns; i++) {
    gx_function *f = &g_fns[i];
    if (!f->registered) continue;
    XLOPER12 name = xl_str(f->wname), id = xl_num(f->register_id), res;
    LPXLOPER12 a1[1] = {&name}, a2[1] = {&id};
    memset(&res, 0, sizeof res);
    excel12v(xlfSetName, &res, 1, a1); /* removes the hidden name xlfRegister created */
    memset(&res, 0, sizeof res);
    if (excel12v(xlfUnregister, &res, 1, a2) == xlretSuccess) unregistered++;
    f->registered = 0;
  }
  gx_log("xlAutoClose: unregistered %d functions", unregistered);
  JNIEnv *env = NULL;
  if (was_ready && g_vm && (*g_vm)->AttachCurrentThread(g_vm, (void **)&env, NULL) == JNI_OK) {
    gx_lock(&g_mutex);
    thread_state *ts = g_threads;
    g_threads = NULL;
    gx_unlock(&g_mutex);
    while (ts) {
      thread_state *next = ts->next;
      if (ts->inbuf) (*env)->DeleteGlobalRef(env, ts->inbuf);
      free_payload(&ts->result);
      free(ts);
      ts = next;
    }
    free_cache(env);
  }
  t_state = NULL;
#ifndef _WIN32
  if (g_detach_key_ok) { pthread_key_delete(g_detach_key); g_detach_key_ok = 0; }
#endif
  free_functions();
  free_config();
  /* the JVM library stays loaded (a JVM cannot be unloaded); only our copy of its path goes */
  free(g_jvm_path);
  g_jvm_path = NULL;
  gx_lock(&g_mutex);
  if (g_log) fclose(g_log);
  g_log = NULL;
  gx_unlock(&g_mutex);
  free(g_log_path);
  g_log_path = NULL;
  free(g_dir);
  g_dir = NULL;
}

GX_EXPORT int xlAutoClose(void) {
  close_addin();
  return 1;
}

GX_EXPORT int xlAutoAdd(void) { return 1; }
GX_EXPORT int xlAutoRemove(void) { return 1; }

GX_EXPORT LPXLOPER12 xlAddInManagerInfo12(LPXLOPER12 action) {
  static XCHAR name[] = {30, 'G', 'a', 'm', 'm', 'a', 'X', 'L', ' ', 'o', 'p', 't', 'i', 'o', 'n', ' ',
                         'a', 'n', 'a', 'l', 'y', 't', 'i', 'c', 's', ' ', '(', 'G', 'X', ')', '.'};
  static XLOPER12 info = {{.str = name}, xltypeStr};
  static XLOPER12 err = {{.err = xlerrValue}, xltypeErr};
  if (!action) return &err;
  int t = action->xltype & GX_TYPE_MASK;
  if ((t == xltypeNum && action->val.num == 1) || (t == xltypeInt && action->val.w == 1)) return &info;
  return &err;
}

/* Diagnostics for hosts and tests: 0 closed, 1 starting, 2 ready, 3 failed (no Java). */
GX_EXPORT int GammaXLStatus(void) { return state_get(); }

/* Diagnostics: the path of the calling thread's last call: 0 none (#N/A before Java is ready), 1 numeric fast
   path, 2 numeric fast path with text arguments read through the text cache, 3 general path. */
GX_EXPORT int GammaXLLastPath(void) {
  return t_state && t_generation == g_generation ? t_state->last_path : PATH_NONE;
}

/* Diagnostics: counters summed over every calculation thread of this session (exact when no call is running):
   numeric, numeric with text, general, text cache hits, misses, evictions. Returns how many were written. */
GX_EXPORT int GammaXLCounters(long long *out, int n) {
  if (!out || n <= 0) return 0;
  if (n > C_COUNT) n = C_COUNT;
  memset(out, 0, sizeof(long long) * (size_t)n);
  gx_lock(&g_mutex);
  for (thread_state *ts = g_threads; ts; ts = ts->next)
    for (int i = 0; i < n; i++) out[i] += ts->counters[i];
  gx_unlock(&g_mutex);
  return n;
}
