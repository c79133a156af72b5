# syntax=docker/dockerfile:1
# Build: docker build -t newsfeedworker .
# Run:   docker run -d -p 5080:5080 -v newsfeedworker-data:/data -v "$PWD/config:/app/config:ro" newsfeedworker
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig NewsFeedWorker.sln ./
COPY src/NewsFeedWorker/NewsFeedWorker.csproj src/NewsFeedWorker/
RUN dotnet restore src/NewsFeedWorker/NewsFeedWorker.csproj
COPY src/ src/
RUN dotnet publish src/NewsFeedWorker -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY config/ /app/config/
# Listens on all interfaces inside the container, on the port the sample source expects.
ENV DOTNET_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://0.0.0.0:5080 \
    Worker__SourcesFile=/app/config/sources.json \
    Worker__DataDirectory=/data
RUN mkdir -p /data && chown app:app /data
USER app
VOLUME ["/data"]
EXPOSE 5080
# The image has no curl: the worker asks its own /health.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["dotnet", "/app/NewsFeedWorker.dll", "health-probe", "--url", "http://127.0.0.1:5080/health"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/app/NewsFeedWorker.dll"]
CMD ["run"]
