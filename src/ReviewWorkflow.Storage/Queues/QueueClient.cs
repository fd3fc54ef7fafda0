using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using ReviewWorkflow.Storage.Pipeline;
using ReviewWorkflow.Storage.Queues.Internal;

namespace ReviewWorkflow.Storage.Queues;

/// <summary>Operations on one queue. Message text is sent Base64-encoded (the Functions queue trigger's default).</summary>
public sealed class QueueClient
{
    /// <summary>Longest visibility delay the service accepts: 7 days.</summary>
    public static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7);

    private static readonly TimeSpan DefaultVisibilityTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;

    internal QueueClient(HttpPipeline pipeline, Uri endpoint, string name)
    {
        _pipeline = pipeline;
        _endpoint = endpoint;
        Name = name;
    }

    public string Name { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Put, "");
        var response = await SendAsync(message, $"Create queue '{Name}'", cancellationToken).ConfigureAwait(false);
        if (response.Status is >= 200 and < 300 || response.Status == 409)
        {
            return; // 204 or 409 QueueAlreadyExists: it exists
        }

        throw StorageErrors.FromResponse(response, $"Create queue '{Name}'");
    }

    public async Task DeleteQueueAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, "");
        await SendCheckedAsync(message, $"Delete queue '{Name}'", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Send; invisible for <paramref name="visibilityDelay"/> (0..7 days); TTL infinite unless given.</summary>
    public async Task<SendReceipt> SendMessageAsync(string messageText, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var encoded = QueueXml.Encode(messageText);
        QueueRules.ValidateEncodedLength(encoded.Length, nameof(messageText));
        var delay = QueueRules.Seconds(visibilityDelay ?? TimeSpan.Zero, TimeSpan.Zero, nameof(visibilityDelay));
        var ttl = QueueRules.TimeToLive(timeToLive, delay, nameof(timeToLive));

        using var message = CreateMessage(RequestMethod.Post, "/messages");
        message.Request.Uri.AppendQuery("visibilitytimeout", delay.ToString(CultureInfo.InvariantCulture));
        message.Request.Uri.AppendQuery("messagettl", ttl.ToString(CultureInfo.InvariantCulture));
        SetXmlContent(message.Request, QueueXml.MessageBody(encoded));
        var response = await SendCheckedAsync(message, $"Send to queue '{Name}'", cancellationToken).ConfigureAwait(false);
        return QueueXml.ParseSendReceipt(response.Content.ToString());
    }

    /// <summary>Receive 1..32 messages, hiding them for <paramref name="visibilityTimeout"/> (default 30 s).</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        ValidateCount(maxMessages);
        var visibility = QueueRules.Seconds(visibilityTimeout ?? DefaultVisibilityTimeout, TimeSpan.FromSeconds(1), nameof(visibilityTimeout));
        using var message = CreateMessage(RequestMethod.Get, "/messages");
        message.Request.Uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture));
        message.Request.Uri.AppendQuery("visibilitytimeout", visibility.ToString(CultureInfo.InvariantCulture));
        var response = await SendCheckedAsync(message, $"Receive from queue '{Name}'", cancellationToken).ConfigureAwait(false);
        return QueueXml.ParseMessages(response.Content.ToString(), peek: false);
    }

    /// <summary>Delete by pop receipt; a 404 (already deleted) is ignored.</summary>
    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = CreateMessage(RequestMethod.Delete, "/messages/" + Uri.EscapeDataString(messageId));
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        var operation = $"Delete message from queue '{Name}'";
        var response = await SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        if (response.Status is >= 200 and < 300 || response.Status == 404)
        {
            return;
        }

        throw StorageErrors.FromResponse(response, operation);
    }

    /// <summary>Change visibility (and optionally text); returns the new receipt.</summary>
    public async Task<SendReceipt> UpdateMessageAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? messageText = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var visibility = QueueRules.Seconds(visibilityTimeout, TimeSpan.Zero, nameof(visibilityTimeout));
        byte[]? body = null;
        if (messageText is not null)
        {
            var encoded = QueueXml.Encode(messageText);
            QueueRules.ValidateEncodedLength(encoded.Length, nameof(messageText));
            body = QueueXml.MessageBody(encoded);
        }

        using var message = CreateMessage(RequestMethod.Put, "/messages/" + Uri.EscapeDataString(messageId));
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        message.Request.Uri.AppendQuery("visibilitytimeout", visibility.ToString(CultureInfo.InvariantCulture));
        if (body is not null)
        {
            SetXmlContent(message.Request, body);
        }

        var response = await SendCheckedAsync(message, $"Update message in queue '{Name}'", cancellationToken).ConfigureAwait(false);
        var newReceipt = response.Headers.TryGetValue(StorageHeaders.PopReceipt, out var receipt) && receipt is not null
            ? receipt
            : throw new StorageRequestException(response.Status, null, "The Queue service answered an update without a pop receipt.");
        response.Headers.TryGetValue(StorageHeaders.TimeNextVisible, out var nextVisible);
        return new SendReceipt(messageId, newReceipt, QueueXml.ParseDate(nextVisible));
    }

    /// <summary>Approximate number of messages (x-ms-approximate-messages-count).</summary>
    public async Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Get, "");
        message.Request.Uri.AppendQuery("comp", "metadata");
        var response = await SendCheckedAsync(message, $"Read metadata of queue '{Name}'", cancellationToken).ConfigureAwait(false);
        return response.Headers.TryGetValue(StorageHeaders.ApproximateMessagesCount, out var count)
            && int.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : 0;
    }

    /// <summary>Peek without changing visibility (up to 32).</summary>
    public async Task<IReadOnlyList<QueueMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        ValidateCount(maxMessages);
        using var message = CreateMessage(RequestMethod.Get, "/messages");
        message.Request.Uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture));
        message.Request.Uri.AppendQuery("peekonly", "true");
        var response = await SendCheckedAsync(message, $"Peek queue '{Name}'", cancellationToken).ConfigureAwait(false);
        return QueueXml.ParseMessages(response.Content.ToString(), peek: true);
    }

    private static void ValidateCount(int maxMessages)
    {
        if (maxMessages is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, "maxMessages must be 1..32.");
        }
    }

    private HttpMessage CreateMessage(RequestMethod method, string subPath)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(_endpoint);
        message.Request.Uri.AppendPath("/" + Name + subPath, escape: false);
        return message;
    }

    private static void SetXmlContent(Request request, byte[] body)
    {
        request.Headers.SetValue(StorageHeaders.ContentType, "application/xml; charset=utf-8");
        request.Content = RequestContent.Create(body);
    }

    private Task<Response> SendAsync(HttpMessage message, string operation, CancellationToken cancellationToken)
        => StorageSender.SendAsync(_pipeline, message, operation, cancellationToken);

    private Task<Response> SendCheckedAsync(HttpMessage message, string operation, CancellationToken cancellationToken)
        => StorageSender.SendCheckedAsync(_pipeline, message, operation, cancellationToken);
}
