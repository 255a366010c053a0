/* The NER tagger's first-order Viterbi in C: the same float32 arithmetic and ties as
 * wortlaut.ner.tagger.viterbi_numpy, so the same label paths.
 *
 * viterbi(scores, lengths, transitions) -> list of paths (one list of label ids per sentence)
 *   scores:      float32 buffer, C-contiguous, (sum(lengths), labels): the sentences' tokens in order;
 *   lengths:     sequence of ints >= 1, one per sentence;
 *   transitions: float32 buffer, C-contiguous, (labels, labels): from row label to column label.
 * Each step adds in numpy's order (best[from] + transitions[from][to], then + the token's score),
 * in float (SSE: no wider intermediate); the first best "from" wins a tie, as numpy's argmax.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>

static int float_buffer(PyObject *object, Py_buffer *view, const char *name) {
    if (PyObject_GetBuffer(object, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) return -1;
    if (view->itemsize != 4 || view->format == NULL || view->format[0] != 'f' || view->format[1] != '\0') {
        PyErr_Format(PyExc_TypeError, "%s must be a C-contiguous float32 buffer", name);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* One sentence's best path into out (length entries); best/next: labels floats, back: length*labels. */
static void decode(const float *scores, Py_ssize_t length, const float *trans, Py_ssize_t labels,
                   float *best, float *next, int *back, int *out) {
    for (Py_ssize_t j = 0; j < labels; j++) best[j] = scores[j];
    for (Py_ssize_t t = 1; t < length; t++) {
        const float *emit = scores + t * labels;
        int *from = back + t * labels;
        for (Py_ssize_t j = 0; j < labels; j++) {
            float top = best[0] + trans[j];
            int arg = 0;
            for (Py_ssize_t i = 1; i < labels; i++) {
                float candidate = best[i] + trans[i * labels + j];
                if (candidate > top) {
                    top = candidate;
                    arg = (int)i;
                }
            }
            from[j] = arg;
            next[j] = top + emit[j];
        }
        for (Py_ssize_t j = 0; j < labels; j++) best[j] = next[j];
    }
    int last = 0;
    for (Py_ssize_t j = 1; j < labels; j++)
        if (best[j] > best[last]) last = (int)j;
    out[length - 1] = last;
    for (Py_ssize_t t = length - 1; t > 0; t--) out[t - 1] = back[t * labels + out[t]];
}

static PyObject *path_list(const int *path, Py_ssize_t length) {
    PyObject *list = PyList_New(length);
    if (list == NULL) return NULL;
    for (Py_ssize_t t = 0; t < length; t++) {
        PyObject *label = PyLong_FromLong(path[t]);
        if (label == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, t, label);
    }
    return list;
}

static PyObject *viterbi(PyObject *module, PyObject *args) {
    PyObject *scores_object, *lengths_object, *trans_object;
    if (!PyArg_ParseTuple(args, "OOO", &scores_object, &lengths_object, &trans_object)) return NULL;
    PyObject *lengths = PySequence_Fast(lengths_object, "lengths must be a sequence of ints");
    if (lengths == NULL) return NULL;
    Py_buffer scores, trans;
    if (float_buffer(scores_object, &scores, "scores") < 0) {
        Py_DECREF(lengths);
        return NULL;
    }
    if (float_buffer(trans_object, &trans, "transitions") < 0) {
        PyBuffer_Release(&scores);
        Py_DECREF(lengths);
        return NULL;
    }
    PyObject *paths = NULL;
    float *work = NULL;
    int *back = NULL, *path = NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(lengths), labels = 0, total = 0, longest = 1;
    for (labels = 1; labels * labels < trans.len / 4; labels++) {}
    if (labels * labels * 4 != trans.len || labels < 1) {
        PyErr_SetString(PyExc_ValueError, "transitions must be square");
        goto done;
    }
    for (Py_ssize_t s = 0; s < count; s++) {
        Py_ssize_t length = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(lengths, s));
        if (length == -1 && PyErr_Occurred()) goto done;
        if (length < 1) {
            PyErr_SetString(PyExc_ValueError, "every sentence needs a token");
            goto done;
        }
        total += length;
        if (length > longest) longest = length;
    }
    if (total * labels * 4 != scores.len) {
        PyErr_SetString(PyExc_ValueError, "scores must be (sum(lengths), labels)");
        goto done;
    }
    work = malloc(2 * labels * sizeof(float));
    back = malloc(longest * labels * sizeof(int));
    path = malloc(longest * sizeof(int));
    if (work == NULL || back == NULL || path == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    paths = PyList_New(count);
    if (paths == NULL) goto done;
    const float *at = (const float *)scores.buf;
    for (Py_ssize_t s = 0; s < count; s++) {
        Py_ssize_t length = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(lengths, s));
        decode(at, length, (const float *)trans.buf, labels, work, work + labels, back, path);
        at += length * labels;
        PyObject *list = path_list(path, length);
        if (list == NULL) {
            Py_CLEAR(paths);
            goto done;
        }
        PyList_SET_ITEM(paths, s, list);
    }
done:
    free(work);
    free(back);
    free(path);
    PyBuffer_Release(&scores);
    PyBuffer_Release(&trans);
    Py_DECREF(lengths);
    return paths;
}

static PyMethodDef module_methods[] = {
    {"viterbi", viterbi, METH_VARARGS, "Best label path of each sentence (see the module comment)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_crf", NULL, -1, module_methods};

PyMODINIT_FUNC PyInit__crf(void) { return PyModule_Create(&module); }
