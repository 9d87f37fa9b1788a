using System.Net;
using System.Text;

namespace NumaActors.Host.Metrics;

/// <summary>
/// Serves <c>GET /metrics</c> on <c>http://localhost:PORT/</c> while a run lasts, for a Prometheus
/// scrape (and a Grafana board on top). Any other path is 404.
/// </summary>
public sealed class MetricsEndpoint : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly RunMetrics metrics;
    private readonly Task loop;

    public MetricsEndpoint(int port, RunMetrics metrics)
    {
        this.metrics = metrics;
        listener.Prefixes.Add($"http://localhost:{port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public void Dispose()
    {
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener; nothing else to clean up.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var response = context.Response;
            if (context.Request.Url?.AbsolutePath != "/metrics")
            {
                response.StatusCode = 404;
                continue;
            }
            var body = Encoding.UTF8.GetBytes(PrometheusText.Render(metrics));
            response.ContentType = PrometheusText.ContentType;
            response.ContentLength64 = body.Length;
            try
            {
                await response.OutputStream.WriteAsync(body);
            }
            catch (HttpListenerException)
            {
                // The scraper went away; the next scrape gets a fresh answer.
            }
        }
    }
}
