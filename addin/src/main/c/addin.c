/*
 * GammaXL shim: the add-in's session in Excel. xlAutoOpen reads the metadata written from the catalogue beside
 * the add-in, binds each function to a free stub of its arity and registers it, then has jvm.c find a runtime and
 * start the JVM in the background; xlAutoClose unregisters everything. Also the callback into Excel and the
 * diagnostics the test host reads.
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <dlfcn.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "shim.h"

static EXCEL12PROC g_excel;
int g_state = ST_CLOSED;
int g_generation;
gx_mutex g_mutex = GX_MUTEX_INIT;
gx_function *g_fns;
int g_nfns;
int g_slot_fn[GX_SLOTS];
char *g_dir;
char *g_log_path;
FILE *g_log;
long g_open_ms;
static gx_thread g_start_thread;
static int g_start_running;

/* ------------------------------------------------------------------ Excel callbacks */

GX_EXPORT void SetExcel12EntryPt(EXCEL12PROC p) { g_excel = p; }

int excel12v(int xlfn, LPXLOPER12 res, int count, LPXLOPER12 *opers) {
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


/* ------------------------------------------------------------------ add-in manager interface */

/* The add-in folder from xlGetName (module holds Excel's string until xlFree), the log and gammaxl.cfg. */
static int open_folder(XLOPER12 *module) {
  memset(module, 0, sizeof *module);
  if (excel12v(xlGetName, module, 0, NULL) != xlretSuccess || (module->xltype & GX_TYPE_MASK) != xltypeStr) {
    return -1;
  }
  char *path = counted_to_utf8(module->val.str);
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
  return 0;
}

/* Binds each function of the metadata to the next free stub of its arity and registers it with xlfRegister. */
static void register_functions(XLOPER12 *module) {
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
    ops_v[0] = *module;
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
  gx_log("registered %d of %d functions", registered, g_nfns);
}

/* Finds a runtime and starts the JVM on a background thread; without one, one alert names every place looked at. */
static void start_runtime(void) {
  threads_open();
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
    return;
  }
  state_set(ST_STARTING);
  if (gx_thread_start(&g_start_thread, start_jvm, NULL) == 0) g_start_running = 1;
  else { gx_log("cannot start the JVM thread"); state_set(ST_FAILED); }
}

static void close_addin(void);

GX_EXPORT int xlAutoOpen(void) {
  if (state_get() != ST_CLOSED) close_addin();
  g_open_ms = now_ms();
  g_generation++;
  for (int i = 0; i < GX_SLOTS; i++) g_slot_fn[i] = -1;
  XLOPER12 module;
  if (open_folder(&module) != 0) return 0;
  char why[1024] = "";
  char *meta = join_path(g_dir, "gammaxl.meta");
  int loaded = load_metadata(meta, why, sizeof why);
  free(meta);
  if (loaded != 0) {
    gx_log("no functions registered: %s", why);
    char msg[1400];
    snprintf(msg, sizeof msg, "GammaXL: cannot register functions: %s", why);
    alert(msg);
  } else {
    register_functions(&module);
  }
  LPXLOPER12 free_ops[1] = {&module};
  excel12v(xlFree, NULL, 1, free_ops);
  if (loaded != 0) state_set(ST_FAILED);
  else start_runtime();
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
  threads_close(was_ready);
  free_functions();
  free_config();
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
