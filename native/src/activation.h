// tfjs's fused activations as oneDNN post-ops (codes shared with src/backend/native/activation.ts).
#pragma once
#include <oneapi/dnnl/dnnl.hpp>
#include "napi-util.h"

namespace convnet {

enum Activation { kLinear = 0, kRelu = 1, kRelu6 = 2, kLeakyRelu = 3, kSigmoid = 4, kElu = 5 };

inline dnnl::primitive_attr activationAttr(int64_t code, float alpha) {
  dnnl::primitive_attr attr;
  if (code == kLinear) return attr;
  dnnl::post_ops ops;
  switch (code) {
    case kRelu: ops.append_eltwise(1.f, dnnl::algorithm::eltwise_relu, 0.f, 0.f); break;
    case kRelu6: ops.append_eltwise(1.f, dnnl::algorithm::eltwise_clip, 0.f, 6.f); break;
    case kLeakyRelu: ops.append_eltwise(1.f, dnnl::algorithm::eltwise_relu, alpha, 0.f); break;
    case kSigmoid: ops.append_eltwise(1.f, dnnl::algorithm::eltwise_logistic, 0.f, 0.f); break;
    case kElu: ops.append_eltwise(1.f, dnnl::algorithm::eltwise_elu, 1.f, 0.f); break;
    default: throw NapiError("convnet-native: unknown activation code");
  }
  attr.set_post_ops(ops);
  return attr;
}

}  // namespace convnet
