using Marketplace.Abstractions.Organizations;
using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Application.ApiKeys.Bootstrap;

/// <summary>Which operator key a starting silo ensures (the host sets it from configuration).</summary>
public sealed class AdminKeyOptions
{
    /// <summary>The configured key (<c>Marketplace:Bootstrap:AdminApiKey</c>), if any.</summary>
    public string? Key { get; set; }

    /// <summary>Without a configured key, generate one into <see cref="DataPath"/> (embedded installs).</summary>
    public bool GenerateWhenMissing { get; set; }

    public string DataPath { get; set; } = "data";
}

/// <summary>
/// Makes sure the operator organisation and its admin key exist once the silo runs. The key is
/// the configured <c>Marketplace:Bootstrap:AdminApiKey</c>; an embedded install without one gets a
/// generated key written once to <c>data/admin-api-key</c> (owner-only file) so it is usable at once.
/// </summary>
public sealed partial class BootstrapAdminKey(
    IGrainFactory grains,
    IOptions<AdminKeyOptions> options,
    ILogger<BootstrapAdminKey> logger) : IHostedService
{
    public const string KeyName = "bootstrap-admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var secret = options.Value.Key;
        if (string.IsNullOrWhiteSpace(secret))
        {
            if (!options.Value.GenerateWhenMissing)
            {
                LogNoKey();
                return;
            }
            secret = await ReadOrCreateLocalKeyAsync(cancellationToken);
        }
        var operatorOrganization = grains.GetGrain<IOrganizationGrain>(OrganizationRules.OperatorOrganizationId);
        await operatorOrganization.EnsureAsync(OrganizationRules.OperatorOrganizationName, OrganizationType.Operator);
        await operatorOrganization.EnsureApiKeyAsync(KeyName, secret.Trim(), MemberRole.Owner);
        LogReady(OrganizationRules.OperatorOrganizationId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<string> ReadOrCreateLocalKeyAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(options.Value.DataPath, "admin-api-key"));
        if (File.Exists(path))
        {
            return (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
        }
        var secret = SecretHash.NewApiKeySecret();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using (var writer = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), fileOptions))
        {
            await writer.WriteAsync(secret);
        }
        LogGenerated(path);
        return secret;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator organization {OrganizationId} and its admin key are in place")]
    private partial void LogReady(string organizationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated an operator admin API key in {Path}; set Marketplace:Bootstrap:AdminApiKey to choose your own")]
    private partial void LogGenerated(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Marketplace:Bootstrap:AdminApiKey configured: no operator key was ensured")]
    private partial void LogNoKey();
}
