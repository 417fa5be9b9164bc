using Onnx;

namespace Marketplace.Inference.Validation;

/// <summary>
/// Visits the main graph, every subgraph (If/Loop/Scan bodies) and model-local functions once,
/// collecting reasons to refuse the model: external data, absurd dimensions, nesting too deep,
/// operators outside the supported set. Also counts parameters and initializer bytes.
/// </summary>
internal sealed class GraphWalk(ModelProto model, InspectionLimits limits, List<string> reasons)
{
    private readonly HashSet<string> _functions = model.Functions.Select(f => $"{f.Domain}:{f.Name}").ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _unsupported = new(StringComparer.Ordinal);
    private bool _tooDeep;

    public long ParameterCount { get; private set; }

    public long InitializerBytes { get; private set; }

    public HashSet<string> Operators { get; } = new(StringComparer.Ordinal);

    public void Run()
    {
        Graph(model.Graph, depth: 1, countParameters: true);
        foreach (var function in model.Functions)
        {
            Nodes(function.Node, depth: 1);
        }
        foreach (var op in _unsupported.Order(StringComparer.Ordinal))
        {
            reasons.Add($"operator {ReadableText.Echo(op)} is not supported by the sandbox's ONNX Runtime");
        }
    }

    private void Graph(GraphProto graph, int depth, bool countParameters)
    {
        if (depth > limits.MaxGraphDepth)
        {
            if (!_tooDeep)
            {
                _tooDeep = true;
                reasons.Add($"subgraphs are nested {depth} deep; the limit is {limits.MaxGraphDepth}");
            }
            return;
        }
        foreach (var value in graph.Input.Concat(graph.Output).Concat(graph.ValueInfo))
        {
            CheckDims(value.Name, value.Type?.TensorType?.Shape?.Dim.Where(d => d.HasDimValue).Select(d => d.DimValue));
        }
        foreach (var tensor in graph.Initializer)
        {
            Tensor(tensor, countParameters);
        }
        foreach (var sparse in graph.SparseInitializer)
        {
            CheckDims(sparse.Values?.Name ?? "sparse initializer", sparse.Dims);
            if (sparse.Values is not null)
            {
                Tensor(sparse.Values, countParameters);
            }
            if (sparse.Indices is not null)
            {
                Tensor(sparse.Indices, countParameters: false);
            }
        }
        Nodes(graph.Node, depth);
    }

    private void Nodes(IEnumerable<NodeProto> nodes, int depth)
    {
        foreach (var node in nodes)
        {
            var domain = node.Domain is "ai.onnx" ? "" : node.Domain;
            var name = domain.Length == 0 ? node.OpType : $"{domain}:{node.OpType}";
            Operators.Add(name);
            if (!SupportedOperators.IsSupported(domain, node.OpType) && !_functions.Contains($"{node.Domain}:{node.OpType}"))
            {
                _unsupported.Add(name);
            }
            foreach (var attribute in node.Attribute)
            {
                if (attribute.T is not null)
                {
                    Tensor(attribute.T, countParameters: false);
                }
                foreach (var tensor in attribute.Tensors)
                {
                    Tensor(tensor, countParameters: false);
                }
                if (attribute.G is not null)
                {
                    Graph(attribute.G, depth + 1, countParameters: true);
                }
                foreach (var graph in attribute.Graphs)
                {
                    Graph(graph, depth + 1, countParameters: true);
                }
            }
        }
    }

    private void Tensor(TensorProto tensor, bool countParameters)
    {
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0)
        {
            var location = tensor.ExternalData.FirstOrDefault(e => e.Key == "location")?.Value;
            reasons.Add($"tensor '{ReadableText.Echo(tensor.Name)}' keeps its data in an external file{(location is null ? "" : $" ('{ReadableText.Echo(location)}')")}; models must be one self-contained file");
            return;
        }
        if (!CheckDims(tensor.Name, tensor.Dims))
        {
            return;
        }
        var count = tensor.Dims.Aggregate(1L, (a, b) => a * b);
        if (countParameters)
        {
            ParameterCount += count;
            InitializerBytes += tensor.DataType == 8
                ? tensor.StringData.Sum(s => (long)s.Length)
                : (long)Math.Ceiling(count * OnnxTypes.Size(tensor.DataType));
        }
    }

    /// <summary>False (with a reason) when a dimension or the element count is out of bounds.</summary>
    private bool CheckDims(string name, IEnumerable<long>? dims)
    {
        if (dims is null)
        {
            return true;
        }
        double elements = 1;
        foreach (var dim in dims)
        {
            if (dim < 0 || dim > limits.MaxDimension)
            {
                reasons.Add($"tensor '{ReadableText.Echo(name)}' declares dimension {dim}; dimensions must be between 0 and {limits.MaxDimension}");
                return false;
            }
            elements *= dim;
        }
        if (elements > limits.MaxTensorElements)
        {
            reasons.Add($"tensor '{ReadableText.Echo(name)}' declares {elements:0} elements; the limit is {limits.MaxTensorElements}");
            return false;
        }
        return true;
    }
}
