package org.fieldsupport.testing;

/** JMX view of the test broker, so tests can stop and restart it whatever class loader runs them. */
public interface BrokerControlMBean {

    void stop();

    void start();
}
