/*
 * GammaXL XLL shim: what its parts share. The shim registers the catalogue functions described by the
 * metadata file shipped beside the add-in (addin.c), finds a Java runtime and starts the JVM in the
 * background (jvm.c), and marshals every call between XLOPER12 and the Java bridge
 * org.gammaxl.xll.XllBridge (dispatch.c). text.c holds its strings, files and log; platform.c the few OS
 * services. It never computes and never coerces: every rule about what an argument means lives in the
 * Java catalogue.
 */
#ifndef GAMMAXL_SHIM_H
#define GAMMAXL_SHIM_H

#include <jni.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "platform.h"
#include "xlcall12.h"

/* Everything declared here stays inside the module: direct (not GOT) access from every part on ELF. */
#ifndef _WIN32
#pragma GCC visibility push(hidden)
#endif

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

/* ------------------------------------------------------------------ types */

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

/* XllBridge.callSlot as a native function (a Java 22+ upcall stub), or NULL: call it by JNI */
typedef double (*gx_upcall_fn)(jint index, jint slot, jint count, jlong missing_mask);
/* XllBridge.callValues: the same with up to eight arguments in registers, or NULL */
typedef double (*gx_upcall8_fn)(jint index, jint slot, jint count, jlong missing_mask, double, double, double,
                                double, double, double, double, double);

/* The bridge's classes, methods and constants, as global references (jvm.c's init_cache). */
typedef struct {
  jclass bridge, dbl, str, boolean, error, empty, object, object_array;
  jmethodID call_slot, attach, upcall, upcall8, call, text_number, value_of, double_value, boolean_value, error_code, log;
  jobject t, f, missing, blank, err[44];
} bridge_refs;

/* ------------------------------------------------------------------ the add-in's session (addin.c) */

extern int g_state;            /* ST_*: read and written with state_get / state_set */
extern int g_generation;       /* counts openings: a thread's state belongs to one */
extern gx_mutex g_mutex;       /* the log, the thread list */
extern gx_function *g_fns;
extern int g_nfns;
extern int g_slot_fn[GX_SLOTS]; /* stub slot -> function index, -1 when free */
extern char *g_dir;            /* the add-in folder */
extern char *g_log_path;
extern FILE *g_log;
extern long g_open_ms;

int excel12v(int xlfn, LPXLOPER12 res, int count, LPXLOPER12 *opers);

static inline int state_get(void) { return __atomic_load_n(&g_state, __ATOMIC_ACQUIRE); }
static inline void state_set(int s) { __atomic_store_n(&g_state, s, __ATOMIC_RELEASE); }

/* ------------------------------------------------------------------ the runtime and the JVM (jvm.c) */

extern char *g_cfg_calls;
extern gx_upcall_fn g_upcall;
extern gx_upcall8_fn g_upcall8;
extern JavaVM *g_vm;
extern bridge_refs J;
extern thread_state *g_threads;
extern __thread thread_state *t_state;
extern __thread int t_generation;

/* gammaxl.cfg beside the add-in: "key = value" lines (see addin/README.md). */
void load_config(const char *path);
void free_config(void);
/* Finds and loads a JVM library; returns 1, or 0 with every place looked at in tried ("; "-separated). */
int find_runtime(char *tried, size_t triedn);
/* Starts the JVM (or attaches to the one running in the process) and binds the bridge: the start thread's body. */
void start_jvm(void *unused);
/* Before the first call of a session / after its last (was_ready: the JVM had started): per-thread bookkeeping and
   the bridge's references. */
void threads_open(void);
void threads_close(int was_ready);
void describe_exception(JNIEnv *env, char *buf, size_t n);
thread_state *attach_thread(void);

/* The calling thread's state, attached on its first call (and again after a reopening). */
static inline thread_state *this_thread(void) {
  thread_state *ts = t_state;
  return ts && t_generation == g_generation ? ts : attach_thread();
}

/* ------------------------------------------------------------------ calls (dispatch.c) */

void free_payload(XLOPER12 *x);

/* ------------------------------------------------------------------ strings, files, log (text.c) */

long now_ms(void);
void gx_log(const char *fmt, ...);
/* UTF-8 (n bytes) to a counted UTF-16 string cut to max units; malloc'd. */
XCHAR *utf8_to_counted(const char *s, size_t n, int max);
/* Counted UTF-16 to UTF-8; malloc'd, NUL-terminated. */
char *counted_to_utf8(const XCHAR *w);
/* name resolved against dir unless absolute; malloc'd. */
char *join_path(const char *dir, const char *name);
/* s without leading and trailing blanks (in place). */
char *trim(char *s);
/* A whole file, NUL-terminated; malloc'd, NULL when it cannot be read. */
char *read_file(const char *path, size_t *size);
/* Appends to the NUL-terminated text in buf (size n), cutting what does not fit. */
void append(char *buf, size_t n, const char *fmt, ...);

#ifndef _WIN32
#pragma GCC visibility pop
#endif

#endif
