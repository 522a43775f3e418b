// The seed's 2-D example: input [[a, b], [c, d]] and a 2x2 kernel
// [[w11, w12], [w21, w22]], no padding.
//
// The kernel is [[1, 10], [100, 1000]], so every decimal digit of a result
// names the kernel tap it came from (ones: w11, tens: w12, hundreds: w21,
// thousands: w22), and its value names the input element: a = 1, b = 2,
// c = 3, d = 4.
//
// Stride 2 (@main): a*K, b*K, c*K and d*K are placed 2 apart and do not
// overlap; the output is 2*(2-1)+2 = 4 wide.
//
//   a*w11 a*w12 b*w11 b*w12        1   10    2   20
//   a*w21 a*w22 b*w21 b*w22  =   100 1000  200 2000
//   c*w11 c*w12 d*w11 d*w12        3   30    4   40
//   c*w21 c*w22 d*w21 d*w22      300 3000  400 4000
//
// Stride 1 (@stride1): the copies are placed 1 apart and overlaps are summed;
// the output is 1*(2-1)+2 = 3 wide. The centre 1234 = a*w22 + b*w21 + c*w12
// + d*w11 receives all four.
//
//   a*w11         a*w12+b*w11                 b*w12            1   12   20
//   a*w21+c*w11   a*w22+b*w21+c*w12+d*w11     b*w22+d*w12  =  103 1234 2040
//   c*w21         c*w22+d*w21                 d*w22           300 3400 4000

func.func @main() -> tensor<1x1x4x4xf32> {
  %x = arith.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]]]> : tensor<1x1x2x2xf32>
  %k = arith.constant dense<[[[[1.0, 10.0], [100.0, 1000.0]]]]>
      : tensor<1x1x2x2xf32>
  %y = tconv.conv_transpose %x, %k strides = [2, 2]
      : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

func.func @stride1() -> tensor<1x1x3x3xf32> {
  %x = arith.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]]]> : tensor<1x1x2x2xf32>
  %k = arith.constant dense<[[[[1.0, 10.0], [100.0, 1000.0]]]]>
      : tensor<1x1x2x2xf32>
  %y = tconv.conv_transpose %x, %k
      : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}
