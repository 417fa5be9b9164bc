using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// A throwaway PostgreSQL server on a free loopback port in a temp folder, started from the
/// machine's PostgreSQL binaries (test.sh installs them) and removed on dispose.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly TempDirectory _directory = new("pg");
    private readonly string _binaries;

    private PostgresServer(string binaries, int port)
    {
        _binaries = binaries;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Timeout=15";

    private string DataDirectory => Path.Combine(_directory.Path, "data");

    public static async Task<PostgresServer> StartAsync()
    {
        var server = new PostgresServer(FindBinaries(), FreePort.Next());
        await server.InitAndStartAsync();
        return server;
    }

    /// <summary>A fresh database on this server, so tests sharing the server never see each other's rows.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgres(Path.Combine(_binaries, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "stop"], TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Already stopped; the folder goes anyway.
        }
        _directory.Dispose();
    }

    private async Task InitAndStartAsync()
    {
        if (ProcessRunner.IsRoot)
        {
            // initdb refuses to run as root, so the server runs as the postgres user.
            await ProcessRunner.RunAsync("chown", ["-R", "postgres", _directory.Path], TimeSpan.FromSeconds(10));
            await ProcessRunner.RunAsync("chmod", ["755", _directory.Path], TimeSpan.FromSeconds(10));
        }
        await AsPostgres(Path.Combine(_binaries, "initdb"), ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"], TimeSpan.FromSeconds(120));
        var options = $"-p {Port} -k {_directory.Path} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await AsPostgres(Path.Combine(_binaries, "pg_ctl"), ["-D", DataDirectory, "-o", options, "-l", Path.Combine(_directory.Path, "log"), "-w", "-t", "60", "start"], TimeSpan.FromSeconds(90));
    }

    private static Task<string> AsPostgres(string file, string[] arguments, TimeSpan timeout)
    {
        if (!ProcessRunner.IsRoot)
        {
            return ProcessRunner.RunAsync(file, arguments, timeout);
        }
        var command = string.Join(' ', new[] { file }.Concat(arguments).Select(Quote));
        return ProcessRunner.RunAsync("su", ["postgres", "-s", "/bin/sh", "-c", command], timeout, workingDirectory: "/tmp");
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql; run ./test.sh, which installs them.");
    }
}
