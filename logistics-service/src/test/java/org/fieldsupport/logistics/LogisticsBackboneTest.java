package org.fieldsupport.logistics;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.fieldsupport.testing.PlatformTestResource;
import org.fieldsupport.testing.ServiceBackboneContract;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "logistics_service"))
@WithTestResource(value = WebhookSecretTestResource.class, scope = TestResourceScope.GLOBAL)
class LogisticsBackboneTest extends ServiceBackboneContract {
}
