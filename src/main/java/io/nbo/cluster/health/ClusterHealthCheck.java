package io.nbo.cluster.health;

import io.quarkiverse.infinispan.embedded.Embedded;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.remoting.transport.Address;

/**
 * Which nodes this one sees (readiness data, never a reason to be unready: a node left alone still answers, and
 * taking it out of the load balancer would make a partition an outage). {@code members} is the cluster view;
 * {@code rebalancing} says whether the distributed caches are still moving entries after a node came or went.
 */
@Readiness
@ApplicationScoped
public class ClusterHealthCheck implements HealthCheck {

    private final Cache<String, ?> histories;

    public ClusterHealthCheck(@Embedded("contact-history") Cache<String, Object> histories) {
        this.histories = histories;
    }

    @Override
    public HealthCheckResponse call() {
        EmbeddedCacheManager manager = histories.getCacheManager();
        List<Address> members = manager.getMembers();
        if (members == null) {
            return HealthCheckResponse.named("cluster").up().withData("mode", "single node").build();
        }
        boolean rebalancing = histories.getAdvancedCache().getDistributionManager() != null
                && histories.getAdvancedCache().getDistributionManager().isRehashInProgress();
        return HealthCheckResponse.named("cluster").up()
                .withData("mode", "cluster")
                .withData("name", manager.getClusterName())
                .withData("node", String.valueOf(manager.getAddress()))
                .withData("members", members.size())
                .withData("coordinator", manager.isCoordinator())
                .withData("rebalancing", rebalancing)
                .build();
    }
}
