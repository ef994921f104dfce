package org.backcare.tracking.testsupport;

import org.backcare.platform.testing.EmbeddedPostgresResource;
import org.backcare.platform.testing.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The real infrastructure every {@code @QuarkusTest} of this service runs against, started once per test run:
 * embedded PostgreSQL, an in-process Kafka broker and a WireMock OIDC server that signs test tokens.
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
