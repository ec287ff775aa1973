/** The application services: they implement the inbound use cases on top of the outbound ports and the domain. */
package dev.queuebench.ports.service;
