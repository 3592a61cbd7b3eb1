package org.fieldsupport.testing;

import org.fieldsupport.infra.KafkaBroker;

/** The test broker, registered on the platform MBean server. */
public class BrokerControl implements BrokerControlMBean {

    private final KafkaBroker broker;

    BrokerControl(KafkaBroker broker) {
        this.broker = broker;
    }

    @Override
    public void stop() {
        broker.stop();
    }

    @Override
    public void start() {
        broker.start();
    }
}
