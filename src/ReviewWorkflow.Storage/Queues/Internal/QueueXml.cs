using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ReviewWorkflow.Storage.Queues.Internal;

/// <summary>The Queue service's XML bodies. Message text travels Base64-encoded UTF-8, as the Functions queue trigger expects.</summary>
internal static class QueueXml
{
    public static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>Decodes Base64 UTF-8; text that is not Base64 (sent by a client using raw text) is returned as is.</summary>
    public static string Decode(string wire)
    {
        var buffer = new byte[wire.Length];
        return Convert.TryFromBase64String(wire, buffer, out var written)
            ? new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(buffer, 0, written)
            : wire;
    }

    /// <summary>&lt;QueueMessage&gt;&lt;MessageText&gt;…&lt;/MessageText&gt;&lt;/QueueMessage&gt;, written by an XML writer so any text is escaped.</summary>
    public static byte[] MessageBody(string encodedText)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false, Indent = false };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartElement("QueueMessage");
            writer.WriteElementString("MessageText", encodedText);
            writer.WriteEndElement();
        }

        return stream.ToArray();
    }

    public static IReadOnlyList<QueueMessage> ParseMessages(string xml, bool peek)
    {
        var root = XDocument.Parse(xml).Root;
        if (root is null)
        {
            return [];
        }

        return root.Elements("QueueMessage").Select(m => new QueueMessage(
            m.Element("MessageId")?.Value ?? "",
            peek ? "" : m.Element("PopReceipt")?.Value ?? "",
            long.TryParse(m.Element("DequeueCount")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0,
            Decode(m.Element("MessageText")?.Value ?? ""),
            ParseDate(m.Element("InsertionTime")?.Value),
            ParseDate(m.Element("TimeNextVisible")?.Value))).ToList();
    }

    public static SendReceipt ParseSendReceipt(string xml)
    {
        var message = XDocument.Parse(xml).Root?.Element("QueueMessage")
            ?? throw new StorageRequestException(201, null, "The Queue service answered a send without a QueueMessage element.");
        return new SendReceipt(
            message.Element("MessageId")?.Value ?? "",
            message.Element("PopReceipt")?.Value ?? "",
            ParseDate(message.Element("TimeNextVisible")?.Value));
    }

    public static DateTimeOffset? ParseDate(string? rfc1123)
        => DateTimeOffset.TryParseExact(rfc1123, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : DateTimeOffset.TryParse(rfc1123, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value) ? value : null;
}
