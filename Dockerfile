# syntax=docker/dockerfile:1
# Build: docker build -t newsfeedworker .
# Run:   docker run -d -p 127.0.0.1:5080:5080 -v newsfeedworker-data:/data -v "$PWD/config:/app/config:ro" newsfeedworker
# Compose (worker, optional PostgreSQL): see compose.yaml and the README.

# Build stage: the SDK image; restore first so the package layer is cached across source edits.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig NewsFeedWorker.sln ./
COPY src/NewsFeedWorker/NewsFeedWorker.csproj src/NewsFeedWorker/
RUN dotnet restore src/NewsFeedWorker/NewsFeedWorker.csproj
COPY src/ src/
RUN dotnet publish src/NewsFeedWorker -c Release -o /app --no-restore -p:UseAppHost=false

# Runtime stage: the ASP.NET runtime only (no SDK, no sources), run as the image's non-root "app" user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Default settings; mount your own over /app/config (read-only is fine).
COPY config/ /app/config/
# All interfaces inside the container (the host decides what to publish); data on the /data volume.
ENV DOTNET_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://0.0.0.0:5080 \
    Worker__SourcesFile=/app/config/sources.json \
    Worker__DataDirectory=/data
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data
# Numeric UID (1654, the image's "app" user) so runAsNonRoot checks can verify it.
USER $APP_UID
VOLUME ["/data"]
EXPOSE 5080
# The image has no curl: the worker asks its own /health (exit 0 on 200 Healthy/Degraded, 1 on 503 or no answer).
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["dotnet", "/app/NewsFeedWorker.dll", "health-probe", "--url", "http://127.0.0.1:5080/health"]
# docker stop: SIGTERM, then Worker:ShutdownTimeout (20 s) for running cycles; give it `docker stop -t 30`.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/app/NewsFeedWorker.dll"]
CMD ["run"]
