using System.Data.Common;

namespace Marketplace.Storage.Relational;

/// <summary>Creates the tables once per dialect instance, whichever provider starts first.</summary>
public sealed class RelationalSchema(ISqlDialect dialect)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _ready;

    public ISqlDialect Dialect => dialect;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }
            for (var attempt = 1; ; attempt++)
            {
                await using var connection = await dialect.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand().WithText(dialect.CreateSchemaSql);
                try
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    break;
                }
                catch (DbException e) when (dialect.IsUniqueViolation(e) && attempt < 5)
                {
                    // Another silo created one of the objects at the same moment; the next run of
                    // the idempotent script finds it and goes on with the rest.
                }
            }
            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
