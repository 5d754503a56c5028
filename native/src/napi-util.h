// Small helpers over Node-API's C interface (no node-addon-api dependency).
#pragma once
#include <node_api.h>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace convnet {

/** A Node-API call failed: carries the message to throw in JavaScript. */
struct NapiError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline void check(napi_status status, const char* what) {
  if (status != napi_ok) throw NapiError(std::string("convnet-native: ") + what + " failed");
}

/** The bytes behind a typed array (the wasm heap, or a parameter block). */
struct Bytes {
  uint8_t* data = nullptr;
  size_t length = 0;
};

inline Bytes typedArrayBytes(napi_env env, napi_value value, const char* name) {
  bool isTypedArray = false;
  check(napi_is_typedarray(env, value, &isTypedArray), "napi_is_typedarray");
  if (!isTypedArray) throw NapiError(std::string("convnet-native: argument ") + name + " must be a typed array");
  napi_typedarray_type type;
  size_t length = 0;
  void* data = nullptr;
  napi_value buffer;
  size_t offset = 0;
  check(napi_get_typedarray_info(env, value, &type, &length, &data, &buffer, &offset), "napi_get_typedarray_info");
  size_t elementSize = 1;
  switch (type) {
    case napi_float32_array: case napi_int32_array: case napi_uint32_array: elementSize = 4; break;
    case napi_float64_array: case napi_bigint64_array: case napi_biguint64_array: elementSize = 8; break;
    case napi_int16_array: case napi_uint16_array: elementSize = 2; break;
    default: elementSize = 1;
  }
  return {static_cast<uint8_t*>(data), length * elementSize};
}

/** Reads the call's arguments into argv; throws unless exactly `expected` were given. */
inline void arguments(napi_env env, napi_callback_info info, size_t expected, napi_value* argv) {
  size_t argc = expected;
  check(napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "napi_get_cb_info");
  if (argc != expected) throw NapiError("convnet-native: expected " + std::to_string(expected) + " arguments");
}

}  // namespace convnet
