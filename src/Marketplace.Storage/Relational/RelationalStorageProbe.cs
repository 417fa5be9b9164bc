namespace Marketplace.Storage.Relational;

/// <summary>Checks that the grain-state store answers; used by the readiness probe.</summary>
public interface IStorageProbe
{
    string StoreName { get; }

    Task ProbeAsync(CancellationToken cancellationToken);
}

internal sealed class RelationalStorageProbe(RelationalSchema schema) : IStorageProbe
{
    public string StoreName => schema.Dialect.Name;

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await schema.Dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand().WithText("SELECT COUNT(*) FROM grain_state WHERE 1 = 0");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
