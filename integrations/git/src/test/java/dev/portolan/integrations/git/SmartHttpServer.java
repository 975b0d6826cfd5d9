package dev.portolan.integrations.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * Git's smart HTTP protocol (fetch side) on loopback, over the JDK's HTTP server and JGit's
 * {@link UploadPack}: serves the bare repositories of a folder at {@code /<name>.git}, behind
 * HTTP basic authentication.
 */
final class SmartHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final Path folder;
    private final String authorization;

    SmartHttpServer(Path folder, String user, String password) throws IOException {
        this.folder = folder;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + ".git";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            int git = path.indexOf(".git/");
            Path repository = git < 0 ? null : folder.resolve(path.substring(1, git + 4));
            if (repository == null || !repository.toFile().isDirectory()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            try (Repository repo = new FileRepositoryBuilder().setGitDir(repository.toFile()).setMustExist(true).build()) {
                if (path.endsWith("/info/refs") && "git-upload-pack".equals(query(exchange))) advertise(exchange, repo);
                else if (path.endsWith("/git-upload-pack") && exchange.getRequestMethod().equals("POST")) upload(exchange, repo);
                else exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static String query(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        return query == null ? null : query.replace("service=", "");
    }

    private static void advertise(HttpExchange exchange, Repository repo) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-advertisement");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            PacketLineOut packets = new PacketLineOut(out);
            packets.writeString("# service=git-upload-pack\n");
            packets.end();
            UploadPack pack = new UploadPack(repo);
            pack.setBiDirectionalPipe(false);
            pack.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(packets));
        }
    }

    private static void upload(HttpExchange exchange, Repository repo) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) in = new GZIPInputStream(in);
        exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-result");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            UploadPack pack = new UploadPack(repo);
            pack.setBiDirectionalPipe(false);
            pack.upload(in, out, null);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
