namespace Marketplace.Portal.Services;

/// <summary>
/// What buyers check an embedding model with: vector length and how alike two texts come out.
/// Computed in double so a 1024-dimension sum does not lose the small differences that matter.
/// </summary>
public static class EmbeddingMath
{
    public static double Norm(IReadOnlyList<float> vector)
    {
        var sum = 0d;
        foreach (var v in vector)
        {
            sum += (double)v * v;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>Cosine similarity in [-1, 1]; 0 when either vector is all zeros or the lengths differ.</summary>
    public static double Cosine(IReadOnlyList<float> a, IReadOnlyList<float> b)
    {
        if (a.Count != b.Count || a.Count == 0)
        {
            return 0;
        }
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            dot += (double)a[i] * b[i];
            aa += (double)a[i] * a[i];
            bb += (double)b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 0 : dot / (Math.Sqrt(aa) * Math.Sqrt(bb));
    }

    /// <summary>Every pair's cosine similarity; the diagonal is 1 for any non-zero vector.</summary>
    public static double[,] Matrix(IReadOnlyList<float[]> vectors)
    {
        var n = vectors.Count;
        var matrix = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                matrix[i, j] = matrix[j, i] = Cosine(vectors[i], vectors[j]);
            }
        }
        return matrix;
    }
}
