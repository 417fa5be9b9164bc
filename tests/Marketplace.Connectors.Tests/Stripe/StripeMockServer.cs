using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Marketplace.Testing;

namespace Marketplace.Connectors.Tests.Stripe;

/// <summary>
/// A local Stripe-compatible server (tools/stripe-mock: npm stripe-stateful-mock on 127.0.0.1, a free
/// port it picks and prints), started once for a test class and killed after. Its state lives as long
/// as it does, so tests use ids of their own and look only for their own records.
/// </summary>
public sealed class StripeMockServer : IAsyncLifetime
{
    private const string ListeningPrefix = "listening on ";
    private readonly StringBuilder _errors = new();
    private Process? _process;

    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "tools", "stripe-mock");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            throw new InvalidOperationException($"{folder}/node_modules is missing; run ./test.sh (it runs npm ci there).");
        }
        // Stdin stays open: the server stops when it closes, so a crashed test run leaves no server behind.
        var info = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        info.ArgumentList.Add(Path.Combine(folder, "server.js"));
        info.ArgumentList.Add("0");
        try
        {
            _process = Process.Start(info) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("node is not installed; run ./test.sh, which installs it.", e);
        }
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (line is null || !line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
        {
            lock (_errors)
            {
                throw new InvalidOperationException($"The Stripe mock did not start: {line} {_errors}");
            }
        }
        Url = line[ListeningPrefix.Length..];
        _ = _process.StandardOutput.ReadToEndAsync(); // keep its output pipe drained
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
