#include "conv.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "activation.h"
#include "context.h"
#include "primitive-cache.h"

namespace convnet {
namespace {

using dnnl::memory;
using Tag = memory::format_tag;
constexpr auto kF32 = memory::data_type::f32;
constexpr auto kDirect = dnnl::algorithm::convolution_direct;

struct Geometry {
  double x, filter, y, bias;
  int64_t n, ih, iw, ic, oh, ow, oc, kh, kw, sh, sw, dh, dw, pt, pl, depthwise, activation;
  float alpha;

  explicit Geometry(const Params& p)
      : x(p.at(0)), filter(p.at(1)), y(p.at(2)), bias(p.at(3)),
        n(p.integer(4)), ih(p.integer(5)), iw(p.integer(6)), ic(p.integer(7)), oh(p.integer(8)), ow(p.integer(9)),
        oc(p.integer(10)), kh(p.integer(11)), kw(p.integer(12)), sh(p.integer(13)), sw(p.integer(14)),
        dh(p.integer(15)), dw(p.integer(16)), pt(p.integer(17)), pl(p.integer(18)), depthwise(p.integer(19)),
        activation(p.integer(20)), alpha(static_cast<float>(p.at(21))) {
    const int64_t positive[] = {n, ih, iw, ic, oh, ow, oc, kh, kw, sh, sw, dh, dw};
    for (int64_t v : positive) {
      if (v < 1) throw NapiError("convnet-native: convolution sizes, strides and dilations must be positive");
    }
    if (depthwise && oc % ic != 0) throw NapiError("convnet-native: depthwise output channels must be a multiple of input channels");
  }

  bool hasBias() const { return bias >= 0; }
  std::string key(int pass) const {
    return cacheKey({pass, n, ih, iw, ic, oh, ow, oc, kh, kw, sh, sw, dh, dw, pt, pl, depthwise, activation,
                     static_cast<int64_t>(alpha * 1e6f), hasBias() ? 1 : 0});
  }
  memory::dims strides() const { return {sh, sw}; }
  memory::dims dilates() const { return {dh - 1, dw - 1}; }  // oneDNN counts dilation from 0
  memory::dims padLow() const { return {pt, pl}; }
  // Padding after the input. The exact value is negative when the last window ends before the
  // input does (1x1 stride-2 'same' on an even size, 'valid' with rows left over). oneDNN 2.6
  // corrupted the process heap there (a 1x1 stride-2 gradient, two threads), so the smallest
  // padding >= 0 that gives the same output size is passed instead: no window reaches it.
  static int64_t padAfter(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t dilation, int64_t before) {
    const int64_t exact = (out - 1) * stride + (kernel - 1) * dilation + 1 - in - before;
    return exact < 0 && exact + stride - 1 >= 0 ? 0 : exact;
  }
  memory::dims padHigh() const { return {padAfter(ih, oh, kh, sh, dh, pt), padAfter(iw, ow, kw, sw, dw, pl)}; }
  memory::desc src() const { return memory::desc({n, ic, ih, iw}, kF32, Tag::nhwc); }
  memory::desc dst() const { return memory::desc({n, oc, oh, ow}, kF32, Tag::nhwc); }
  // tfjs filters are [KH, KW, in, out] (depthwise: [KH, KW, in, multiplier]).
  memory::dims filterDims() const { return depthwise ? memory::dims{ic, oc / ic, 1, kh, kw} : memory::dims{oc, ic, kh, kw}; }
  memory::desc userFilter() const { return memory::desc(filterDims(), kF32, depthwise ? Tag::hwigo : Tag::hwio); }
  memory::desc anyFilter() const { return memory::desc(filterDims(), kF32, Tag::any); }
  memory::desc biasDesc() const { return hasBias() ? memory::desc({oc}, kF32, Tag::a) : memory::desc(); }
  int64_t srcSize() const { return n * ih * iw * ic; }
  int64_t dstSize() const { return n * oh * ow * oc; }
  int64_t filterSize() const { return kh * kw * (depthwise ? oc : ic * oc); }

  dnnl::convolution_forward::primitive_desc forwardDesc(dnnl::prop_kind kind, const dnnl::primitive_attr& attr) const {
    dnnl::convolution_forward::desc desc(kind, kDirect, src(), anyFilter(), biasDesc(), dst(), strides(), dilates(), padLow(), padHigh());
    return dnnl::convolution_forward::primitive_desc(desc, attr, cpuEngine());
  }
};

/** A user-layout filter and the layout the primitive wants, with the reorder between them if they differ. */
struct FilterPair {
  memory user, inner;
  bool reordered = false;
  dnnl::reorder reorder;

  FilterPair(const memory::desc& userDesc, const memory::desc& innerDesc, bool toInner) {
    user = memory(userDesc, cpuEngine(), DNNL_MEMORY_NONE);
    reordered = userDesc != innerDesc;
    if (reordered) {
      inner = memory(innerDesc, cpuEngine());
      reorder = toInner ? dnnl::reorder(user, inner) : dnnl::reorder(inner, user);
    } else {
      inner = user;
    }
  }
};

struct Forward {
  dnnl::convolution_forward primitive;
  memory src, dst, bias;
  FilterPair filter;
};

struct BackwardData {
  dnnl::convolution_backward_data primitive;
  memory diffSrc, diffDst;
  FilterPair filter;
};

struct BackwardFilter {
  dnnl::convolution_backward_weights primitive;
  memory src, diffDst;
  FilterPair diffFilter;
};

// Never destroyed (see context.cc).
PrimitiveCache<Forward>& forwardCache = *new PrimitiveCache<Forward>();
PrimitiveCache<BackwardData>& backwardDataCache = *new PrimitiveCache<BackwardData>();
PrimitiveCache<BackwardFilter>& backwardFilterCache = *new PrimitiveCache<BackwardFilter>();

memory unbound(const memory::desc& desc) { return memory(desc, cpuEngine(), DNNL_MEMORY_NONE); }

/**
 * oneDNN 2.6's jit_1x1 gradients of strided 1x1 convolutions ("reduce to unit stride") corrupted
 * the Node process's heap now and then (ResNet's stride-2 shortcut; two threads; never seen
 * outside Node, even under valgrind). For those, the next implementation oneDNN offers is used.
 */
template <typename PrimitiveDesc>
PrimitiveDesc& avoidStrided1x1Jit(PrimitiveDesc& pd, const Geometry& g) {
  if (g.kh != 1 || g.kw != 1 || (g.sh == 1 && g.sw == 1)) return pd;
  while (std::string(pd.impl_info_str()).rfind("jit_1x1", 0) == 0) {
    if (!pd.next_impl()) break;
  }
  return pd;
}

}  // namespace

void convForward(const Heap& heap, const Params& params) {
  const Geometry g(params);
  Forward& e = forwardCache.get(g.key(0), [&] {
    auto pd = g.forwardDesc(dnnl::prop_kind::forward_inference, activationAttr(g.activation, g.alpha));
    return Forward{dnnl::convolution_forward(pd), unbound(pd.src_desc()), unbound(pd.dst_desc()),
                   g.hasBias() ? unbound(pd.bias_desc()) : memory(), FilterPair(g.userFilter(), pd.weights_desc(), true)};
  });
  e.src.set_data_handle(heap.floats(g.x, g.srcSize(), "conv2d input"));
  e.dst.set_data_handle(heap.floats(g.y, g.dstSize(), "conv2d output"));
  e.filter.user.set_data_handle(heap.floats(g.filter, g.filterSize(), "conv2d filter"));
  auto& stream = cpuStream();
  if (e.filter.reordered) e.filter.reorder.execute(stream, e.filter.user, e.filter.inner);
  std::unordered_map<int, memory> args{{DNNL_ARG_SRC, e.src}, {DNNL_ARG_WEIGHTS, e.filter.inner}, {DNNL_ARG_DST, e.dst}};
  if (g.hasBias()) {
    e.bias.set_data_handle(heap.floats(g.bias, g.oc, "conv2d bias"));
    args.insert({DNNL_ARG_BIAS, e.bias});
  }
  e.primitive.execute(stream, args);
  stream.wait();
}

void convBackwardData(const Heap& heap, const Params& params) {
  const Geometry g(params);
  BackwardData& e = backwardDataCache.get(g.key(1), [&] {
    auto hint = g.forwardDesc(dnnl::prop_kind::forward_training, dnnl::primitive_attr());
    dnnl::convolution_backward_data::desc desc(kDirect, g.src(), g.anyFilter(), g.dst(), g.strides(), g.dilates(), g.padLow(), g.padHigh());
    dnnl::convolution_backward_data::primitive_desc pd(desc, cpuEngine(), hint);
    avoidStrided1x1Jit(pd, g);
    return BackwardData{dnnl::convolution_backward_data(pd), unbound(pd.diff_src_desc()), unbound(pd.diff_dst_desc()),
                        FilterPair(g.userFilter(), pd.weights_desc(), true)};
  });
  e.diffSrc.set_data_handle(heap.floats(g.x, g.srcSize(), "conv2d input gradient"));
  e.diffDst.set_data_handle(heap.floats(g.y, g.dstSize(), "conv2d output gradient"));
  e.filter.user.set_data_handle(heap.floats(g.filter, g.filterSize(), "conv2d filter"));
  auto& stream = cpuStream();
  if (e.filter.reordered) e.filter.reorder.execute(stream, e.filter.user, e.filter.inner);
  e.primitive.execute(stream, {{DNNL_ARG_DIFF_SRC, e.diffSrc}, {DNNL_ARG_WEIGHTS, e.filter.inner}, {DNNL_ARG_DIFF_DST, e.diffDst}});
  stream.wait();
}

void convBackwardFilter(const Heap& heap, const Params& params) {
  const Geometry g(params);
  BackwardFilter& e = backwardFilterCache.get(g.key(2), [&] {
    auto hint = g.forwardDesc(dnnl::prop_kind::forward_training, dnnl::primitive_attr());
    dnnl::convolution_backward_weights::desc desc(kDirect, g.src(), g.anyFilter(), g.dst(), g.strides(), g.dilates(), g.padLow(), g.padHigh());
    dnnl::convolution_backward_weights::primitive_desc pd(desc, cpuEngine(), hint);
    avoidStrided1x1Jit(pd, g);
    return BackwardFilter{dnnl::convolution_backward_weights(pd), unbound(pd.src_desc()), unbound(pd.diff_dst_desc()),
                          FilterPair(g.userFilter(), pd.diff_weights_desc(), false)};
  });
  e.src.set_data_handle(heap.floats(g.x, g.srcSize(), "conv2d input"));
  e.diffDst.set_data_handle(heap.floats(g.y, g.dstSize(), "conv2d output gradient"));
  e.diffFilter.user.set_data_handle(heap.floats(g.filter, g.filterSize(), "conv2d filter gradient"));
  auto& stream = cpuStream();
  e.primitive.execute(stream, {{DNNL_ARG_SRC, e.src}, {DNNL_ARG_DIFF_WEIGHTS, e.diffFilter.inner}, {DNNL_ARG_DIFF_DST, e.diffDst}});
  if (e.diffFilter.reordered) e.diffFilter.reorder.execute(stream, e.diffFilter.inner, e.diffFilter.user);
  stream.wait();
}

}  // namespace convnet
