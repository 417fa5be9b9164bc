using Marketplace.Inference.Execution;
using Marketplace.Inference.Models;

namespace Marketplace.Inference.Adapters;

/// <summary>Turns a customer's input into model tensors; refuses what is too large or of the wrong kind.</summary>
internal interface IInputAdapter
{
    PreparedRow Prepare(ModelInput input, InputLimits limits);
}
