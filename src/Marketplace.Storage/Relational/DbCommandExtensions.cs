using System.Data.Common;

namespace Marketplace.Storage.Relational;

internal static class DbCommandExtensions
{
    public static DbCommand WithText(this DbCommand command, string sql)
    {
        command.CommandText = sql;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
