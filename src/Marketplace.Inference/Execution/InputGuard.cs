using Marketplace.Inference.Models;

namespace Marketplace.Inference.Execution;

/// <summary>Size checks that need no model: done first, so an oversized input costs nothing.</summary>
internal static class InputGuard
{
    public static void Check(ModelInput input, InputLimits limits)
    {
        switch (input)
        {
            case TextInput text when text.Text.Length > limits.MaxTextChars:
                throw new InputRejectedException($"the text has {text.Text.Length} characters; the limit is {limits.MaxTextChars}");
            case ImageInput image when image.EncodedImage.Length > limits.MaxImageBytes:
                throw new InputRejectedException($"the image has {image.EncodedImage.Length} bytes; the limit is {limits.MaxImageBytes}");
            case TensorInput tensors:
                var total = tensors.Tensors.Sum(t => (long)t.Data.Count);
                if (total > limits.MaxTensorElements)
                {
                    throw new InputRejectedException($"the input has {total} elements; the limit is {limits.MaxTensorElements}");
                }
                break;
        }
    }
}
