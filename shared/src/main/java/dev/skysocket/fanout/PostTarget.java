package dev.skysocket.fanout;

import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * One Management API endpoint as {@code PostToConnection} requests address it, and the signing of one such
 * request: {@code POST {stage}/@connections/{url-encoded id}} with the frame as the body, SigV4-signed for service
 * {@code execute-api} with the headers the SDK's client signs. Shared by every way of sending the request, so the
 * bytes on the wire do not depend on which HTTP client carries them.
 */
final class PostTarget {
    static final String SERVICE = "execute-api";

    /** What one request carries besides its body and Content-Length. */
    record SignedPost(String path, String hostHeader, String amzDate, String authorization, String sessionToken) {
    }

    final String scheme;
    final String host;
    final int port;
    final String hostHeader;
    private final String pathPrefix;
    private final AwsCredentialsProvider credentials;
    private final PostSigner signer;
    private final Clock clock;

    /** @param endpoint a normalized base URL ({@link ManagementApiClients#normalize}): scheme, host, port, stage */
    PostTarget(String endpoint, AwsCredentialsProvider credentials, PostSigner signer, Clock clock) {
        URI uri = URI.create(endpoint);
        this.scheme = uri.getScheme();
        this.host = uri.getHost();
        int defaultPort = "https".equals(scheme) ? 443 : 80;
        this.port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        // The SDK sends (and signs) the port only when it is not the scheme's default.
        this.hostHeader = port == defaultPort ? host : host + ":" + port;
        this.pathPrefix = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.credentials = credentials;
        this.signer = signer;
        this.clock = clock;
    }

    boolean tls() {
        return "https".equals(scheme);
    }

    SignedPost sign(String connectionId, Frame frame) {
        // The label is URI-encoded once on the wire; SigV4's canonical path encodes the path as sent once more.
        String path = pathPrefix + "/@connections/" + SdkHttpUtils.urlEncode(connectionId);
        AwsCredentials resolved = credentials.resolveCredentials();
        String token = resolved instanceof AwsSessionCredentials session ? session.sessionToken() : null;
        PostSigner.Signed signed = signer.sign(clock.instant(), resolved.accessKeyId(), resolved.secretAccessKey(),
                token, SdkHttpUtils.urlEncodeIgnoreSlashes(path), hostHeader, frame.bytes().length, frame.sha256());
        return new SignedPost(path, hostHeader, signed.amzDate(), signed.authorization(), token);
    }

    @Override
    public String toString() {
        return scheme + "://" + hostHeader + pathPrefix;
    }
}
