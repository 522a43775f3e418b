#!/usr/bin/python3
"""Exports the example ONNX models of examples/onnx with PyTorch.

Run with Debian's /usr/bin/python3 (python3-torch, python3-onnx) from any
directory; it rewrites the .onnx, input and expected-output files beside
this script. Not needed to build or test tconv: the files are committed.

Each model has random weights (fixed seeds) and runs in eval mode; for each
one the script saves NAME.onnx, NAME.input.npy and NAME.expected.npy
(PyTorch's output for that input).
"""
import os

import numpy as np
import torch
from torch import nn

OPSET = 13


class DCGANGenerator(nn.Module):
    """DCGAN's generator (Radford et al.) at a quarter of the width:
    a 1x1 latent vector to a 3x64x64 image with strided ConvTranspose2d."""

    def __init__(self, nz=32, ngf=16):
        super().__init__()

        def up(cin, cout):
            return [nn.ConvTranspose2d(cin, cout, 4, 2, 1, bias=False),
                    nn.BatchNorm2d(cout), nn.ReLU(True)]

        self.net = nn.Sequential(
            nn.ConvTranspose2d(nz, ngf * 8, 4, 1, 0, bias=False),
            nn.BatchNorm2d(ngf * 8), nn.ReLU(True),
            *up(ngf * 8, ngf * 4), *up(ngf * 4, ngf * 2), *up(ngf * 2, ngf),
            nn.ConvTranspose2d(ngf, 3, 4, 2, 1, bias=False), nn.Tanh())

    def forward(self, z):
        return self.net(z)


class UNet(nn.Module):
    """A two-level U-Net: convolutions, max pooling, transposed-convolution
    upsampling and skip connections (Concat)."""

    def __init__(self, channels=8):
        super().__init__()

        def block(cin, cout):
            return nn.Sequential(
                nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout),
                nn.ReLU(True), nn.Conv2d(cout, cout, 3, padding=1),
                nn.ReLU(True))

        c = channels
        self.down1, self.down2 = block(3, c), block(c, 2 * c)
        self.bottom = block(2 * c, 4 * c)
        self.pool = nn.MaxPool2d(2)
        self.up2 = nn.ConvTranspose2d(4 * c, 2 * c, 2, stride=2)
        self.dec2 = block(4 * c, 2 * c)
        self.up1 = nn.ConvTranspose2d(2 * c, c, 2, stride=2)
        self.dec1 = block(2 * c, c)
        self.head = nn.Conv2d(c, 1, 1)

    def forward(self, x):
        d1 = self.down1(x)
        d2 = self.down2(self.pool(d1))
        b = self.bottom(self.pool(d2))
        u2 = self.dec2(torch.cat([self.up2(b), d2], 1))
        u1 = self.dec1(torch.cat([self.up1(u2), d1], 1))
        return torch.sigmoid(self.head(u1))


class SuperResolution(nn.Module):
    """ESPCN-style 3x super-resolution (Shi et al.): convolutions then
    PixelShuffle (DepthToSpace), plus a transposed-convolution branch."""

    def __init__(self, scale=3):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 32, 5, padding=2), nn.Tanh(),
            nn.Conv2d(32, 16, 3, padding=1), nn.Tanh(),
            nn.Conv2d(16, scale * scale, 3, padding=1))
        self.shuffle = nn.PixelShuffle(scale)
        self.deconv = nn.ConvTranspose2d(1, 1, 2 * scale, stride=scale,
                                         padding=scale // 2 + scale % 2 - 1,
                                         output_padding=0)

    def forward(self, x):
        y = self.shuffle(self.features(x))
        return y + self.deconv(x)[:, :, : y.shape[2], : y.shape[3]]


class ResidualStack(nn.Module):
    def __init__(self, channels, dilation):
        super().__init__()
        self.block = nn.Sequential(
            nn.LeakyReLU(0.2), nn.ReflectionPad1d(dilation),
            nn.Conv1d(channels, channels, 3, dilation=dilation),
            nn.LeakyReLU(0.2), nn.Conv1d(channels, channels, 1))

    def forward(self, x):
        return x + self.block(x)


class Vocoder(nn.Module):
    """A MelGAN-style generator (Kumar et al.) at a small width: mel frames
    to audio samples with reflection pads, strided ConvTranspose1d and
    residual stacks of dilated convolutions."""

    def __init__(self, mels=80, channels=64):
        super().__init__()
        layers = [nn.ReflectionPad1d(3), nn.Conv1d(mels, channels, 7)]
        for _ in range(2):
            layers += [nn.LeakyReLU(0.2),
                       nn.ConvTranspose1d(channels, channels // 2, 16,
                                          stride=8, padding=4)]
            channels //= 2
            layers += [ResidualStack(channels, d) for d in (1, 3, 9)]
        layers += [nn.LeakyReLU(0.2), nn.ReflectionPad1d(3),
                   nn.Conv1d(channels, 1, 7), nn.Tanh()]
        self.net = nn.Sequential(*layers)

    def forward(self, mel):
        return self.net(mel)


MODELS = [
    ("dcgan", DCGANGenerator, (1, 32, 1, 1)),
    ("unet", UNet, (1, 3, 64, 64)),
    ("superres", SuperResolution, (1, 1, 64, 64)),
    ("vocoder", Vocoder, (1, 80, 32)),
]


def randomize_batchnorm(model, generator):
    """Non-trivial running statistics, so that BatchNorm does something."""
    for m in model.modules():
        if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
            m.running_mean.uniform_(-0.5, 0.5, generator=generator)
            m.running_var.uniform_(0.5, 1.5, generator=generator)
            m.weight.data.uniform_(0.5, 1.5, generator=generator)
            m.bias.data.uniform_(-0.5, 0.5, generator=generator)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for seed, (name, cls, shape) in enumerate(MODELS):
        torch.manual_seed(seed)
        generator = torch.Generator().manual_seed(seed)
        model = cls().eval()
        randomize_batchnorm(model, generator)
        x = torch.rand(shape, generator=generator) * 2 - 1
        with torch.no_grad():
            y = model(x)
        path = os.path.join(here, name)
        torch.onnx.export(model, x, path + ".onnx", opset_version=OPSET,
                          input_names=["input"], output_names=["output"],
                          do_constant_folding=True)
        np.save(path + ".input.npy", x.numpy().astype(np.float32))
        np.save(path + ".expected.npy", y.numpy().astype(np.float32))
        print(f"{name}: input {tuple(x.shape)} -> output {tuple(y.shape)}, "
              f"{sum(p.numel() for p in model.parameters())} parameters")


if __name__ == "__main__":
    main()
