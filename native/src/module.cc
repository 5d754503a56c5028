// The Node-API face of convnet-native: each kernel takes (heap, params), where heap is a typed
// array over the whole tfjs wasm memory and params a Float64Array (layouts in each kernel's header).
#include <exception>
#include <string>

#include "context.h"
#include "conv.h"
#include "batch-norm.h"
#include "elementwise.h"
#include "matmul.h"
#include "pooling.h"
#include "napi-util.h"

namespace convnet {
namespace {

using Kernel = void (*)(const Heap&, const Params&);

template <Kernel kernel>
napi_value runKernel(napi_env env, napi_callback_info info) {
  try {
    napi_value argv[2];
    arguments(env, info, 2, argv);
    kernel(Heap(typedArrayBytes(env, argv[0], "heap")), Params(typedArrayBytes(env, argv[1], "params")));
  } catch (const dnnl::error& error) {
    napi_throw_error(env, nullptr, (std::string("convnet-native (oneDNN): ") + error.what()).c_str());
  } catch (const std::exception& error) {
    napi_throw_error(env, nullptr, error.what());
  }
  return nullptr;
}

napi_value describe(napi_env env, napi_callback_info) {
  napi_value result, version, isa, threadCount;
  napi_create_object(env, &result);
  napi_create_string_utf8(env, versionString().c_str(), NAPI_AUTO_LENGTH, &version);
  napi_create_string_utf8(env, isaName().c_str(), NAPI_AUTO_LENGTH, &isa);
  napi_create_int32(env, threads(), &threadCount);
  napi_set_named_property(env, result, "onednn", version);
  napi_set_named_property(env, result, "isa", isa);
  napi_set_named_property(env, result, "threads", threadCount);
  return result;
}

napi_value setThreadCount(napi_env env, napi_callback_info info) {
  try {
    napi_value argv[1];
    arguments(env, info, 1, argv);
    int32_t count = 0;
    check(napi_get_value_int32(env, argv[0], &count), "reading the thread count");
    if (count < 1) throw NapiError("convnet-native: the thread count must be at least 1");
    setThreads(count);
  } catch (const std::exception& error) {
    napi_throw_error(env, nullptr, error.what());
  }
  return nullptr;
}

void exportFunction(napi_env env, napi_value exports, const char* name, napi_callback callback) {
  napi_value fn;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, callback, nullptr, &fn);
  napi_set_named_property(env, exports, name, fn);
}

}  // namespace
}  // namespace convnet

NAPI_MODULE_INIT() {
  using namespace convnet;
  exportFunction(env, exports, "describe", describe);
  exportFunction(env, exports, "setThreads", setThreadCount);
  exportFunction(env, exports, "convForward", runKernel<convForward>);
  exportFunction(env, exports, "convBackwardData", runKernel<convBackwardData>);
  exportFunction(env, exports, "convBackwardFilter", runKernel<convBackwardFilter>);
  exportFunction(env, exports, "matMul", runKernel<matMul>);
  exportFunction(env, exports, "maxPoolGrad", runKernel<maxPoolGrad>);
  exportFunction(env, exports, "batchNormTraining", runKernel<batchNormTraining>);
  exportFunction(env, exports, "batchNormTrainingGrad", runKernel<batchNormTrainingGrad>);
  exportFunction(env, exports, "reluGrad", runKernel<reluGrad>);
  exportFunction(env, exports, "adamUpdate", runKernel<adamUpdate>);
  return exports;
}
