# PyTorch twins of the three models in models.js (same layers, batch, optimizer, time budget),
# so `npm run bench` can print a ratio to PyTorch measured in the same run on the same machine.
#   python3 scripts/bench/pytorch_twins.py --threads N [--quick] [--models lenet5,vgg,resnet]
# Prints one JSON line: {"backend": "pytorch", "version": ..., "threads": N, "results": [...]}.
# Layers follow Keras' defaults where they differ from PyTorch's only in ways that cost time
# (e.g. 'same' padding); the loss is softmax + cross-entropy, as categoricalCrossentropy on softmax.
import argparse
import json
import time

import torch
from torch import nn


def lenet5():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), nn.ReLU(),
        nn.Linear(120, 84), nn.ReLU(),
        nn.Linear(84, 10),
    )


def conv_bn_relu(cin, cout):
    return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout, eps=1e-3, momentum=0.01), nn.ReLU()]


def small_vgg():
    return nn.Sequential(
        *conv_bn_relu(3, 32), *conv_bn_relu(32, 32), nn.MaxPool2d(2),
        *conv_bn_relu(32, 64), *conv_bn_relu(64, 64), nn.MaxPool2d(2),
        *conv_bn_relu(64, 128), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(128 * 4 * 4, 10),
    )


def conv_bn(cin, cout, kernel, stride):
    return nn.Sequential(
        nn.Conv2d(cin, cout, kernel, stride=stride, padding=kernel // 2, bias=False),
        nn.BatchNorm2d(cout, eps=1e-3, momentum=0.01),
    )


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.a = conv_bn(cin, cout, 3, stride)
        self.b = conv_bn(cout, cout, 3, 1)
        self.shortcut = nn.Identity() if stride == 1 and cin == cout else conv_bn(cin, cout, 1, stride)

    def forward(self, x):
        return torch.relu(self.b(torch.relu(self.a(x))) + self.shortcut(x))


def small_resnet():
    return nn.Sequential(
        conv_bn(3, 16, 3, 1), nn.ReLU(),
        Block(16, 16, 1), Block(16, 32, 2), Block(32, 64, 2),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        nn.Linear(64, 10),
    )


MODELS = {
    "lenet5": (lenet5, (1, 28, 28)),
    "vgg": (small_vgg, (3, 32, 32)),
    "resnet": (small_resnet, (3, 32, 32)),
}


def time_steps(step, warmup, min_batches, seconds):
    for _ in range(warmup):
        step()
    start = time.perf_counter()
    batches = 0
    while batches < min_batches or time.perf_counter() - start < seconds:
        step()
        batches += 1
        if batches >= 200:
            break
    return time.perf_counter() - start, batches


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--models", default="lenet5,vgg,resnet")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    seconds = 2 if args.quick else 6
    train_batch, infer_batch = 64, 256
    results = []
    for key in args.models.split(","):
        build, shape = MODELS[key]
        net = build()
        optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
        loss_fn = nn.CrossEntropyLoss()
        x = torch.randn(train_batch, *shape)
        y = torch.arange(train_batch) % 10

        def train_step():
            optimizer.zero_grad()
            loss = loss_fn(net(x), y)
            loss.backward()
            optimizer.step()
            loss.item()

        net.train()
        train_s, train_n = time_steps(train_step, 2, 3, seconds)
        xi = torch.randn(infer_batch, *shape)
        net.eval()

        def infer_step():
            with torch.no_grad():
                torch.softmax(net(xi), dim=1).sum().item()

        infer_s, infer_n = time_steps(infer_step, 2, 3, seconds)
        results.append({
            "model": key,
            "trainBatch": train_batch,
            "trainPerSecond": train_n * train_batch / train_s,
            "trainBatches": train_n,
            "inferBatch": infer_batch,
            "inferPerSecond": infer_n * infer_batch / infer_s,
        })
    print(json.dumps({"backend": "pytorch", "version": torch.__version__, "threads": torch.get_num_threads(), "results": results}))


if __name__ == "__main__":
    main()
