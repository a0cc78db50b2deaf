package io.github.camelvelaro.example.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application whose Velaro connection is set only in application.properties, through the
 * camel-velaro starter; its routes are the RouteBuilder components of this package.
 */
@SpringBootApplication
public class VelaroExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(VelaroExampleApplication.class, args);
    }
}
